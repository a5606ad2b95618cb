/**
 * The citizens' portal: server-rendered French pages mounted by the hub (docs/faces.md).
 * Today only the home page; the portal issue adds search, items, partners and communes.
 */
import { RouteGroup } from '../hub/http/index.js';
import type { PortalDeps } from './deps.js';
import { serveHome } from './routes/home.js';

export type { PortalDeps } from './deps.js';

/** Every portal page, in one group. */
export function portalRoutes(deps: PortalDeps): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/',
      tag: 'pages',
      summary: "Page d'accueil : ce qu'est Passerelle, une recherche sans JavaScript, les dernières publications",
      query: {
        q: { description: 'Texte recherché (200 caractères au plus)' },
        page: { description: 'Page de résultats, à partir de 1', schema: { type: 'integer', minimum: 1 } },
      },
      responses: {
        200: { description: 'Page HTML', contentType: 'text/html' },
        304: { description: 'Inchangée (If-None-Match)' },
        400: { description: 'Recherche invalide : la page, avec le message en français' },
        503: { description: "Recherche pas encore prête : la page, avec un message d'attente" },
      },
    },
    serveHome(deps),
  );
}
