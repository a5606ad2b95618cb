/**
 * Static files the hub serves from memory (the widget scripts, the pages' stylesheets):
 * each kept with its ETag and its gzip and brotli encodings, computed once.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface ServedFile {
  type: string;
  etag: string;
  bodies: Record<Encoding, Buffer>;
}

/** One year, never revalidated: for names that change with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes: a new release reaches partner pages quickly. */
export const SHORT_CACHE = 'public, max-age=300';

/** The text with its strong ETag and its encodings, compressed at their best (done once). */
export function toServedFile(text: string, type: string): ServedFile {
  const identity = Buffer.from(text, 'utf8');
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  return {
    type,
    etag: `"${digest}"`,
    bodies: {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
    },
  };
}

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
