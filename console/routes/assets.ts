/** GET /console/assets/console.<hash>.js — the console's script, immutable under its hash. */
import type { Context } from 'koa';
import { IMMUTABLE, sendFile } from '../../hub/assets/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import { getConsoleScript } from '../client/script.js';

export async function serveScript(ctx: Context): Promise<void> {
  const script = await getConsoleScript();
  if (ctx.params.hash !== script.hash) throw new NotFound(`le fichier ${ctx.path}`);
  await sendFile(ctx, script.file, IMMUTABLE);
}
