/** Sends a prebuilt widget file: negotiated encoding, ETag and 304, CORS for any page. */
import type { Context } from 'koa';
import type { Encoding, ServedFile } from './assets.js';

/** One year, never revalidated: for names that change with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes: a new release reaches partner pages quickly. */
export const SHORT_CACHE = 'public, max-age=300';

/** Sets the headers and body for `file`, or answers 304 when the client's copy is current. */
export function sendFile(ctx: Context, file: ServedFile, cacheControl: string): void {
  const encoding = (ctx.acceptsEncodings('br', 'gzip', 'identity') || 'identity') as Encoding;
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.vary('Accept-Encoding');
  // Each encoding is a different representation, so it gets its own strong ETag.
  ctx.set('ETag', encoding === 'identity' ? file.etag : file.etag.replace(/"$/, `-${encoding}"`));
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = file.type;
  if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
  ctx.body = file.bodies[encoding];
}
