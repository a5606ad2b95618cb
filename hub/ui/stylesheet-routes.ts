/** GET /assets/<face>.<hash>.css: the faces' stylesheets, immutable under their hash. */
import type { Context } from 'koa';
import { IMMUTABLE, sendFile } from '../assets/index.js';
import { notFound, RouteGroup } from '../http/index.js';
import { FACES, type FaceName } from './build-styles.js';
import { getStylesheets } from './stylesheets.js';

async function serveStylesheet(ctx: Context, face: FaceName): Promise<void> {
  const sheet = (await getStylesheets())[face];
  // An old hash is gone for good: its immutable copy cannot be served with new content.
  if (ctx.params.hash !== sheet.hash) throw notFound(`la feuille de style ${ctx.path}`);
  await sendFile(ctx, sheet.file, IMMUTABLE);
}

/** One route per face; starts building the stylesheets right away so the first page does not wait. */
export function stylesheetRoutes(): RouteGroup {
  getStylesheets().catch(() => undefined);
  const group = new RouteGroup();
  for (const face of Object.keys(FACES) as FaceName[]) {
    group.add(
      {
        method: 'get',
        path: `/assets/${face}.:hash.css`,
        tag: 'pages',
        summary: `Feuille de style des pages (${face}), nommée par son empreinte, en cache pour un an`,
        responses: {
          200: { description: 'CSS', contentType: 'text/css' },
          304: { description: 'Inchangée (If-None-Match)' },
          404: { description: "Pas l'empreinte actuelle" },
        },
      },
      (ctx) => serveStylesheet(ctx, face),
    );
  }
  return group;
}
