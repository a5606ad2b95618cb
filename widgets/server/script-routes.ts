/** The widget scripts: embed.js, its immutable hashed copy and source map, and frame.js. */
import type { Context } from 'koa';
import { notFound, type RouteGroup } from '../../hub/http/index.js';
import { getWidgetAssets } from './assets.js';
import { IMMUTABLE, SHORT_CACHE, sendFile } from '../../hub/assets/index.js';

const JS = { description: 'JavaScript', contentType: 'application/javascript' };
const TAG = 'widgets';

async function requireHash(ctx: Context): Promise<Awaited<ReturnType<typeof getWidgetAssets>>> {
  const assets = await getWidgetAssets();
  // An old hash is gone for good: its immutable copy cannot be served with new content.
  if (ctx.params.hash !== assets.hash) throw notFound(`le fichier ${ctx.path}`);
  return assets;
}

/** Adds GET /widgets/v1/embed.js, embed.<hash>.js, embed.<hash>.js.map, frame.js and wish.js. */
export function addScriptRoutes(group: RouteGroup): RouteGroup {
  return group
    .add(
      {
        method: 'get',
        path: '/widgets/v1/embed.js',
        tag: TAG,
        summary: 'The widgets bundle: <passerelle-news>, <passerelle-search>, <passerelle-article> (cached 5 minutes)',
        responses: { 200: JS, 304: { description: 'Not modified (If-None-Match)' } },
      },
      async (ctx) => sendFile(ctx, (await getWidgetAssets()).embed, SHORT_CACHE),
    )
    .add(
      {
        method: 'get',
        path: '/widgets/v1/embed.:hash.js',
        tag: TAG,
        summary: 'The same bundle under its content hash, cacheable forever',
        responses: { 200: JS, 304: { description: 'Not modified' }, 404: { description: 'Not the current hash' } },
      },
      async (ctx) => sendFile(ctx, (await requireHash(ctx)).embed, IMMUTABLE),
    )
    .add(
      {
        method: 'get',
        path: '/widgets/v1/embed.:hash.js.map',
        tag: TAG,
        summary: 'Source map of the widgets bundle',
        responses: {
          200: { description: 'Source map', contentType: 'application/json' },
          404: { description: 'Not the current hash' },
        },
      },
      async (ctx) => sendFile(ctx, (await requireHash(ctx)).map, IMMUTABLE),
    )
    .add(
      {
        method: 'get',
        path: '/widgets/v1/frame.js',
        tag: TAG,
        summary: 'Host-page script that resizes widget iframes to their content',
        responses: { 200: JS, 304: { description: 'Not modified' } },
      },
      async (ctx) => sendFile(ctx, (await getWidgetAssets()).frame, SHORT_CACHE),
    )
    .add(
      {
        method: 'get',
        path: '/widgets/v1/wish.js',
        tag: TAG,
        summary: 'The wish form <passerelle-wish>, bundled on its own (cached 5 minutes)',
        responses: { 200: JS, 304: { description: 'Not modified' } },
      },
      async (ctx) => sendFile(ctx, (await getWidgetAssets()).wish, SHORT_CACHE),
    );
}
