/** GET /assets/souhaits.<hash>.js — the portal's wish script, immutable under its hash. */
import type { Context } from 'koa';
import { IMMUTABLE, sendFile } from '../../hub/assets/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import { getWishScript } from '../client/script.js';

export async function serveWishScript(ctx: Context): Promise<void> {
  const script = await getWishScript();
  if (ctx.params.hash !== script.hash) throw new NotFound(`le fichier ${ctx.path}`);
  await sendFile(ctx, script.file, IMMUTABLE);
}
