/** What the portal's routes say of themselves in the OpenAPI document: the pages' answers and shared queries. */
import type { ResponseDoc, RouteDoc } from '../hub/http/index.js';

export const HTML: ResponseDoc = { description: 'Page HTML', contentType: 'text/html' };
export const PAGE_RESPONSES: RouteDoc['responses'] = {
  200: HTML,
  304: { description: 'Inchangée (If-None-Match)' },
  404: { description: 'Page introuvable, en français', contentType: 'text/html' },
  503: { description: "Recherche pas encore prête : page d'attente", contentType: 'text/html' },
};

/** The answers of a page that also says 400, in a French page, when a parameter is wrong. */
export const WITH_BAD_REQUEST: RouteDoc['responses'] = {
  ...PAGE_RESPONSES,
  400: { description: 'Paramètre invalide : page en français', contentType: 'text/html' },
};

/** A GET page's documentation (tag "pages"). */
export function page(path: string, summary: string, extra: Partial<RouteDoc> = {}): RouteDoc {
  return { method: 'get', path, tag: 'pages', summary, responses: PAGE_RESPONSES, ...extra };
}

/** A form's POST (tag "pages"): its answers are the route's own. */
export function formPost(path: string, summary: string, responses: RouteDoc['responses']): RouteDoc {
  return { method: 'post', path, tag: 'pages', summary, responses };
}

/** The search page's filters: the same as /api/v1/items. */
export const SEARCH_QUERY = {
  q: { description: 'Texte recherché' },
  type: { description: 'Types, séparés par des virgules (mêmes filtres que /api/v1/items)' },
  audience: { description: 'Publics' },
  topic: { description: 'Thèmes' },
  province: { description: 'sud, nord, iles' },
  commune: { description: 'Codes INSEE 988xx' },
  partnerKind: { description: 'Types de partenaires' },
  partner: { description: 'Partenaires' },
  from: { description: 'Publié depuis (AAAA-MM-JJ)' },
  to: { description: "Publié jusqu'au (AAAA-MM-JJ)" },
  sort: { description: 'relevance ou date' },
  page: { description: 'Page de résultats, à partir de 1', schema: { type: 'integer', minimum: 1 } },
};
