/**
 * POST /ma-commune: keeps the chosen commune in the first-party cookie (or forgets it),
 * then sends the visitor back to the page of the form (303). A form posted from another
 * site is refused: nobody may choose a commune for the visitor.
 */
import type { Context } from 'koa';
import type { PortalDeps } from '../deps.js';
import { findCommune, writeCommuneCookie } from '../view/communes.js';
import { BadPageRequest } from './error-pages.js';

/** Form bodies are a few fields: more is not a form of ours. */
const MAX_BODY_BYTES = 2048;

/** A browser form's fields (application/x-www-form-urlencoded, 2 KiB at most unless told). */
export async function readFormBody(
  ctx: Context,
  field = 'commune',
  maxBytes = MAX_BODY_BYTES,
): Promise<URLSearchParams> {
  if (!ctx.is('application/x-www-form-urlencoded'))
    throw new BadPageRequest([
      {
        field,
        message: 'le formulaire doit être envoyé par le navigateur (application/x-www-form-urlencoded)',
      },
    ]);
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BadPageRequest([{ field, message: 'formulaire trop long' }]);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A path of this site to come back to (never another site: no open redirect). */
export function safeReturnPath(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) && !/[\r\n]/.test(value) ? value : '/';
}

/** The handler of POST /ma-commune. */
export function serveCommuneChoice(deps: PortalDeps) {
  return async function chooseCommune(ctx: Context): Promise<void> {
    if (ctx.get('Sec-Fetch-Site') === 'cross-site')
      throw new BadPageRequest([
        { field: 'commune', message: 'ce formulaire ne peut être envoyé que depuis les pages de ce site' },
      ]);
    const form = await readFormBody(ctx);
    const value = form.get('commune')?.trim() ?? '';
    const forget = form.get('oublier') !== null || value === '';
    const commune = forget ? undefined : findCommune(await deps.catalog.partners.get(), value);
    if (!forget && !commune)
      throw new BadPageRequest([{ field: 'commune', message: `commune inconnue : « ${value.slice(0, 40)} »` }]);
    writeCommuneCookie(ctx, commune, deps.publicUrl.startsWith('https:'));
    ctx.status = 303;
    ctx.redirect(safeReturnPath(form.get('retour')));
  };
}
