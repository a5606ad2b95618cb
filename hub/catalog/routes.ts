/** GET /api/v1/items, /api/v1/items/:id and /api/v1/suggest: the unified search. */
import type { Context } from 'koa';
import { HttpError, invalidInput, notFound, RouteGroup } from '../http/index.js';
import { rewriteContentImages, withImageKey } from '../images/index.js';
import { findPublishedItem, toItem } from '../items/index.js';
import { parseSearchParams, SearchNotReadyError, truncateQuery, type SearchHit } from '../search/index.js';
import { toOnlineService, type ServiceDirectory } from '../online-services/index.js';
import type { SearchParams } from '../search/index.js';
import type { PartnerDirectory } from './partner-directory.js';
import { SERVICES_FIRST, servicesFirstFilter } from './services-first.js';
import type { SearchRuntime } from './search-runtime.js';
import { recordSearchMiss } from '../voice/index.js';
import type { StatsOverlay } from './stats-overlay.js';

export interface CatalogDeps {
  search: SearchRuntime;
  partners: PartnerDirectory;
  stats: StatsOverlay;
  /** The hub's public origin: content images point to its /images/ addresses. */
  publicUrl: string;
  /** The registry of online services, searched beside the items. */
  services?: ServiceDirectory;
}

/** The online services answering a search (first page with words only), with the search's filters. */
async function findServicesFor(params: SearchParams, directory: ServiceDirectory | undefined) {
  const filter = directory ? servicesFirstFilter(params) : undefined;
  if (!directory || !filter) return undefined;
  const found = await directory.find(params.q ?? '', filter);
  return found.slice(0, SERVICES_FIRST).map(toOnlineService);
}

const LIST_PARAMS = {
  q: {
    description:
      'Texte recherché ; au-delà de 200 caractères ou 12 mots, coupé à un mot (queryTruncated) ; vide : les plus récents',
  },
  partner: { description: 'Identifiants de partenaires, séparés par des virgules' },
  partnerKind: { description: 'province, commune, state, government, public-body, other' },
  type: { description: 'news, event, procedure, service, job, publication, alert' },
  topic: { description: 'Thèmes' },
  audience: { description: 'particuliers, professionnels, associations' },
  commune: { description: 'Codes INSEE 988xx' },
  province: { description: 'sud, nord, iles' },
  from: { description: 'Publié depuis (YYYY-MM-DD, jour de Nouméa, ou ISO 8601)' },
  to: { description: "Publié jusqu'au (YYYY-MM-DD ou ISO 8601)" },
  sort: { description: 'relevance (défaut avec q) ou date' },
  page: { description: 'À partir de 1', schema: { type: 'integer', minimum: 1 } },
  limit: { description: '1 à 100, défaut 20', schema: { type: 'integer', minimum: 1, maximum: 100 } },
};

const SUMMARY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    partnerId: { type: 'string' },
    partner: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    url: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    type: { type: 'string' },
    topics: { type: 'array', items: { type: 'string' } },
    publishedAt: { type: 'string' },
    image: { $ref: 'Item#/definitions/ServedImage' },
    event: { $ref: 'ItemInput#/definitions/EventInfo' },
    stats: { type: 'object' },
    snippet: { type: 'string', description: 'HTML échappé, termes trouvés dans <mark>' },
    alsoPublishedBy: {
      type: 'array',
      items: { type: 'string' },
      description: '« Aussi publié par » : les partenaires des autres publications de la même histoire',
    },
    alsoPublished: {
      type: 'array',
      description: 'Les autres publications de la même histoire, chacune avec sa page',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, partnerId: { type: 'string' }, url: { type: 'string' } },
      },
    },
  },
};

/** Runs a search, turning "no index yet" into 503 with Retry-After. */
export function withSearch<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SearchNotReadyError) {
      throw new HttpError(503, 'search_not_ready', 'Recherche indisponible', {
        detail: "l'index de recherche est en cours de construction",
        headers: { 'Retry-After': '5' },
      });
    }
    throw err;
  }
}

function toSummary(hit: SearchHit, partnerName: string | undefined, stats: { likes: number; comments: number }) {
  return {
    id: hit.id,
    partnerId: hit.partnerId,
    partner: { id: hit.partnerId, name: partnerName ?? hit.partnerId },
    url: hit.url,
    title: hit.title,
    ...(hit.summary ? { summary: hit.summary } : {}),
    type: hit.type,
    topics: hit.topics,
    ...(hit.date ? { publishedAt: hit.date } : {}),
    ...(hit.image ? { image: withImageKey(hit.image) } : {}),
    ...(hit.event ? { event: hit.event } : {}),
    stats,
    snippet: hit.snippet,
    ...(hit.alsoPublished ? { alsoPublishedBy: hit.alsoPublishedBy, alsoPublished: hit.alsoPublished } : {}),
  };
}

/** Public read routes of the catalog (open to any origin). */
export function catalogRoutes(deps: CatalogDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/items',
        tag: 'items',
        summary: 'Recherche et liste des publications de tous les partenaires',
        query: LIST_PARAMS,
        responses: {
          200: {
            description: 'Résultats',
            schema: {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                page: { type: 'integer' },
                limit: { type: 'integer' },
                items: { type: 'array', items: SUMMARY },
                facets: { type: 'object' },
                didYouMean: {
                  type: 'string',
                  description:
                    '« Vous vouliez dire … » : la requête corrigée, quand elle trouve plus (peu de résultats)',
                },
                queryTruncated: { type: 'boolean', description: 'q était trop long : seul son début a été cherché' },
                truncatedQuery: { type: 'string', description: 'Le texte effectivement cherché, quand q a été coupé' },
                services: {
                  type: 'array',
                  description:
                    'Les démarches en ligne qui répondent à q (3 au plus, première page seulement), à montrer avant les publications : « Faire la démarche en ligne »',
                  items: { $ref: 'OnlineService' },
                },
              },
            },
          },
          400: { description: 'Paramètre invalide' },
          503: { description: 'Index pas encore prêt' },
        },
      },
      async (ctx: Context) => {
        const parsed = parseSearchParams(ctx.query);
        if (!parsed.ok) throw invalidInput(parsed.errors);
        const result = withSearch(() => deps.search.service.search(parsed.params));
        // « Recherches sans réponse »: an in-memory tally, no I/O, nothing about the visitor.
        if (result.total === 0 && parsed.params.q) recordSearchMiss(parsed.params.q);
        const services = await findServicesFor(parsed.params, deps.services);
        const partners = deps.partners.current();
        ctx.set('Cache-Control', 'public, max-age=30');
        ctx.body = {
          total: result.total,
          page: result.page,
          limit: result.limit,
          items: result.items.map((h) => toSummary(h, partners.get(h.partnerId)?.name, deps.stats.get(h.id, h.stats))),
          facets: result.facets,
          ...(result.didYouMean ? { didYouMean: result.didYouMean } : {}),
          ...(parsed.queryTruncated ? { queryTruncated: true, truncatedQuery: parsed.params.q } : {}),
          ...(services?.length ? { services } : {}),
        };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/items/:id',
        tag: 'items',
        summary: 'Une publication',
        responses: {
          200: { description: 'La publication, avec son partenaire', schema: 'Item' },
          404: { description: 'Inconnue ou retirée' },
        },
      },
      async (ctx) => {
        const doc = await findPublishedItem(String(ctx.params.id));
        if (!doc) throw notFound(`la publication ${ctx.params.id}`);
        const partner = deps.partners.current().get(doc.partnerId);
        ctx.set('Cache-Control', 'public, max-age=30');
        const item = toItem(doc);
        ctx.body = {
          ...item,
          // Images through the hub: a page showing the item makes no request to the partner's host.
          ...(item.image ? { image: withImageKey(item.image) } : {}),
          ...(item.content ? { content: rewriteContentImages(item.content, deps.publicUrl) } : {}),
          partner: { id: doc.partnerId, name: partner?.name ?? doc.partnerId },
        };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/suggest',
        tag: 'items',
        summary: 'Complétions pendant la saisie (mots et titres)',
        query: {
          q: { description: 'Début de la saisie (coupé à un mot au-delà de 200 caractères)', required: true },
          limit: { description: '1 à 20, défaut 8', schema: { type: 'integer', minimum: 1, maximum: 20 } },
        },
        responses: {
          200: {
            description: 'Complétions',
            schema: {
              type: 'object',
              properties: {
                q: { type: 'string' },
                suggestions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      text: { type: 'string' },
                      kind: { enum: ['term', 'title'] },
                      itemId: { type: 'string' },
                      url: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
      (ctx) => {
        // A long paste is cut at a word, as for /api/v1/items, not refused.
        const q = truncateQuery(typeof ctx.query.q === 'string' ? ctx.query.q : '').text;
        const limit = ctx.query.limit === undefined ? 8 : Number(ctx.query.limit);
        const errors = [];
        if (!Number.isInteger(limit) || limit < 1 || limit > 20)
          errors.push({ field: 'limit', message: 'doit être un entier de 1 à 20' });
        if (errors.length) throw invalidInput(errors);
        const result = withSearch(() => deps.search.service.suggest(q, limit));
        ctx.set('Cache-Control', 'public, max-age=60');
        ctx.body = {
          q,
          suggestions: [
            ...result.terms.map((t) => ({ text: t.text, kind: 'term' as const })),
            ...result.titles.map((t) => ({ text: t.title, kind: 'title' as const, itemId: t.id, url: t.url })),
          ].slice(0, limit),
        };
      },
    );
}
