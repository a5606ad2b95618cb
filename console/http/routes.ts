/** Declaring console pages and actions with their documentation (they appear in the OpenAPI document). */
import type { Middleware } from 'koa';
import type { ParamDoc, RouteGroup } from '../../hub/http/index.js';

const HTML = { contentType: 'text/html' };

/** A GET page. */
export function addPage(
  group: RouteGroup,
  path: string,
  summary: string,
  query: Record<string, ParamDoc> | undefined,
  ...middleware: Middleware[]
): void {
  group.add(
    {
      method: 'get',
      path,
      tag: 'console',
      summary,
      ...(query ? { query } : {}),
      responses: {
        200: { description: 'Page HTML', ...HTML },
        303: { description: 'Sans session : vers la page de connexion' },
        403: { description: "Rôle ou partenaire sans accès : page d'erreur", ...HTML },
        404: { description: 'Introuvable : page HTML', ...HTML },
      },
    },
    ...middleware,
  );
}

/** A POST action (form): 303 to the next page, or the form again with its errors. */
export function addAction(group: RouteGroup, path: string, summary: string, ...middleware: Middleware[]): void {
  group.add(
    {
      method: 'post',
      path,
      tag: 'console',
      summary,
      responses: {
        200: { description: 'Page HTML (un aperçu : rien n’est enregistré)', ...HTML },
        303: { description: 'Fait : vers la page suivante' },
        400: { description: 'Formulaire refusé : de nouveau, avec les messages', ...HTML },
        403: { description: 'Sans jeton CSRF, sans session, rôle ou partenaire sans accès', ...HTML },
      },
    },
    ...middleware,
  );
}
