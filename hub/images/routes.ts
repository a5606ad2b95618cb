/** GET /images/:key/:width — partners' images through the hub, resized, in the best format the browser takes. */
import type { Context } from 'koa';
import type { Fetcher } from '../../connectors/index.js';
import { RouteGroup } from '../http/index.js';
import { IMAGE_WIDTHS, isImageWidth, readImageKey } from './image-key.js';
import { loadImage } from './load-image.js';

export interface ImageRouteDeps {
  /** The connectors' fetcher: address guard, size cap, timeouts, at most 2 requests at once per host. */
  fetcher: Fetcher;
}

/** A day fresh, then revalidated by ETag (a week more while revalidating in the background). */
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** What an image that cannot be served shows: a quiet 16:9 box, never a broken page. */
function sendPlaceholder(ctx: Context, width: number): void {
  const height = Math.round((width * 9) / 16);
  ctx.status = 404;
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.type = 'image/svg+xml';
  ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 16 9"><rect width="16" height="9" fill="#e7eaf0"/></svg>`;
}

async function serveImage(ctx: Context, deps: ImageRouteDeps): Promise<void> {
  const width = Number(ctx.params.width);
  const url = readImageKey(String(ctx.params.key));
  ctx.vary('Accept');
  if (!isImageWidth(width) || !url) return sendPlaceholder(ctx, isImageWidth(width) ? width : 640);
  const variant = await loadImage(deps.fetcher, { url, width, accept: ctx.get('Accept') });
  if (!variant) return sendPlaceholder(ctx, width);
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', variant.etag);
  ctx.status = 200; // ctx.fresh answers only for a 2xx or 304 response
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = variant.contentType;
  ctx.body = variant.data;
}

/** The image route. */
export function imageRoutes(deps: ImageRouteDeps): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/images/:key/:width',
      tag: 'images',
      summary: `A partner's image through the hub, ${IMAGE_WIDTHS.join(', ')} px wide, AVIF or WebP when Accept says so (Vary: Accept), with ETag`,
      headers: {
        Accept: { description: 'image/avif or image/webp get those formats; otherwise JPEG (PNG with transparency)' },
      },
      responses: {
        200: { description: 'The image', contentType: 'image/avif | image/webp | image/jpeg | image/png' },
        304: { description: 'Unchanged since If-None-Match' },
        404: {
          description: 'Not an image the hub serves (unknown key, width, unreadable or too large): a placeholder',
          contentType: 'image/svg+xml',
        },
      },
    },
    (ctx) => serveImage(ctx, deps),
  );
}
