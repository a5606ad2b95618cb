/**
 * Static files the hub serves from memory (the widget scripts, the pages' stylesheets, the
 * sitemaps): each kept with its ETag, and its gzip and brotli encodings made on the first
 * request that asks for one, by zlib's thread pool (never the event loop), then kept. A hub
 * that never serves a file never compresses it: compressing every widget file and
 * stylesheet at start-up cost each hub process ~1.3 s of CPU (docs/benchmarks.md « Test
 * suite duration »), mostly for the source map nobody asks for.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { Context } from 'koa';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** `best` for files kept for a release (scripts, stylesheets); `quick` for files remade when data changes (sitemaps). */
export type Compression = 'best' | 'quick';

export interface ServedFile {
  type: string;
  etag: string;
  identity: Buffer;
  /** The body in `encoding`: compressed on first asking, off the event loop, and kept. */
  body(encoding: Encoding): Promise<Buffer>;
}

/** One year, never revalidated: for names that change with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes: a new release reaches partner pages quickly. */
export const SHORT_CACHE = 'public, max-age=300';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const LEVELS: Record<Compression, { gzip: number; br: number }> = {
  best: { gzip: 9, br: 11 },
  quick: { gzip: 6, br: 5 },
};

function compress(identity: Buffer, encoding: 'br' | 'gzip', compression: Compression): Promise<Buffer> {
  const level = LEVELS[compression];
  return encoding === 'gzip'
    ? gzipAsync(identity, { level: level.gzip })
    : brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: level.br,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      });
}

/** The text with its strong ETag; its encodings are made when first asked for. */
export function toServedFile(text: string, type: string, compression: Compression = 'best'): ServedFile {
  const identity = Buffer.from(text, 'utf8');
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  const made = new Map<'br' | 'gzip', Promise<Buffer>>();
  return {
    type,
    etag: `"${digest}"`,
    identity,
    body(encoding) {
      if (encoding === 'identity') return Promise.resolve(identity);
      let body = made.get(encoding);
      if (!body) {
        body = compress(identity, encoding, compression);
        made.set(encoding, body);
        // A failure is not kept: the next request tries again.
        body.catch(() => made.delete(encoding));
      }
      return body;
    },
  };
}

/** Sets the headers and body for `file`, or answers 304 when the client's copy is current. */
export async function sendFile(ctx: Context, file: ServedFile, cacheControl: string): Promise<void> {
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
  const body = await file.body(encoding);
  ctx.type = file.type;
  if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
  ctx.body = body;
}
