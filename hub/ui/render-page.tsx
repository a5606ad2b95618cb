/**
 * Pages as HTML: a JSX tree rendered to a string on the server (preact-render-to-string,
 * which escapes every string), sent with the pages' security headers, an ETag hook,
 * and a compressed body; a page with an ETag is rendered once per validator and encoding
 * (page-cache.ts).
 */
import type { Context } from 'koa';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { PageAssets } from './page-assets.js';
import { renderedPages, type CachedPage } from './page-cache.js';
import { getStylesheets, type Stylesheets } from './stylesheets.js';

/**
 * The pages' Content-Security-Policy: no inline script or style at all, nothing from
 * elsewhere — partners' images too come through the hub (hub/images: imageUrl); framed
 * only by the hub itself (the widget iframes keep their own policy).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
].join('; ');

/** The page as a complete HTML document. */
export function renderPage(page: JSX.Element, stylesheets?: Stylesheets): string {
  return `<!DOCTYPE html>\n${renderToString(<PageAssets.Provider value={stylesheets}>{page}</PageAssets.Provider>)}`;
}

export interface SendPageOptions {
  /** Default 200. */
  status?: number;
  /**
   * A validator of the data the page shows (e.g. the items' version, the chosen commune):
   * the response gets a weak ETag made of it, the page's address and the stylesheets, and a
   * request that already has it gets 304 without the page being rendered. Default: none.
   */
  etag?: string;
  /** Default: no-cache (the browser may keep the page but asks again each time). */
  cacheControl?: string;
  /**
   * Called when the page is served from the rendered pages (page-cache.ts) instead of
   * being built: a side effect of building it that must happen on every view.
   */
  onCacheHit?: () => void;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** Below this, compression saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/** A page, or what builds it: a function is called only when the browser's copy is stale (no work for a 304). */
export type PageSource = JSX.Element | (() => JSX.Element | Promise<JSX.Element>);

/** Renders `page` into the response: text/html in UTF-8, the pages' CSP, compressed. */
export async function sendPage(ctx: Context, page: PageSource, options: SendPageOptions = {}): Promise<void> {
  const stylesheets = await getStylesheets();
  ctx.status = options.status ?? 200;
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.set('X-Frame-Options', 'SAMEORIGIN');
  ctx.set('Cache-Control', options.cacheControl ?? 'no-cache');
  ctx.vary('Accept-Encoding');
  const accepted = ctx.acceptsEncodings('br', 'gzip', 'identity') || 'identity';
  let cacheKey: string | undefined;
  if (options.etag !== undefined) {
    // The address is part of it, so that a validator never stands for another page.
    const parts = [options.etag, ctx.originalUrl, ...Object.values(stylesheets).map((s) => s.hash)];
    const etag = `W/"${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 27)}"`;
    ctx.set('ETag', etag);
    if (ctx.status === 200 && ctx.fresh) {
      ctx.status = 304;
      return;
    }
    if (ctx.status === 200) cacheKey = `${etag} ${accepted}`;
  }
  ctx.type = 'text/html; charset=utf-8';
  const cached = cacheKey === undefined ? undefined : renderedPages.get(cacheKey);
  const html = cached ? undefined : renderPage(typeof page === 'function' ? await page() : page, stylesheets);
  // A page kept in the rendered pages is compressed once and served many times: worth
  // brotli's higher quality. One rendered per request (no ETag: the console's private
  // pages) is compressed per request: the cheaper setting.
  const sent =
    cached ?? (cacheKey === undefined ? compressPerRequest(html!, accepted) : await compress(html!, accepted));
  if (cached) options.onCacheHit?.();
  else if (cacheKey !== undefined) renderedPages.set(cacheKey, sent);
  if (sent.encoding !== 'identity') ctx.set('Content-Encoding', sent.encoding);
  ctx.body = sent.body;
}

/**
 * A page compressed for one response only (not kept): brotli at quality 3, on this thread.
 * Measured on a 26 KB page of « Contenus » (docs/benchmarks.md « CPU per console page »):
 * quality 5 on libuv's pool cost 1.26 ms of CPU for 4.3 KB — 0.46 ms of it the hand-over to
 * the pool and back —, quality 4 here 0.50 ms for 4.5 KB, quality 3 0.28 ms for 4.8 KB: a
 * fifth of the CPU for 0.5 KB more (a tenth of a second at 40 kbit/s). gzip at level 4
 * (0.27 ms, 5.2 KB) for browsers without brotli.
 */
export const PER_REQUEST_BROTLI_QUALITY = 3;
export const PER_REQUEST_GZIP_LEVEL = 4;

export function compressPerRequest(html: string, accepted: string): CachedPage {
  const body = Buffer.from(html, 'utf8');
  if (body.length < COMPRESS_FROM_BYTES) return { body, encoding: 'identity' };
  if (accepted === 'br')
    return {
      body: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: PER_REQUEST_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      encoding: 'br',
    };
  if (accepted === 'gzip') return { body: gzipSync(body, { level: PER_REQUEST_GZIP_LEVEL }), encoding: 'gzip' };
  return { body, encoding: 'identity' };
}

/** The page's bytes in the encoding the browser accepts (`identity` when small): for the rendered pages kept. */
async function compress(html: string, accepted: string): Promise<CachedPage> {
  const body = Buffer.from(html, 'utf8');
  if (body.length < COMPRESS_FROM_BYTES) return { body, encoding: 'identity' };
  // Quality 5: most of brotli's gain at a few milliseconds per page.
  if (accepted === 'br')
    return { body: await brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), encoding: 'br' };
  if (accepted === 'gzip') return { body: await gzipAsync(body, { level: 6 }), encoding: 'gzip' };
  return { body, encoding: 'identity' };
}
