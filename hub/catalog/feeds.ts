/** The syndication routes, fed by the search index and MongoDB. */
import { createSyndicationRouter, type OpmlSource } from '../syndication/index.js';
import { splitAddressCredentials } from '../../connectors/index.js';
import { invalidInput, notFound, RouteGroup, type RouteDoc } from '../http/index.js';
import { findItemsByIds, toItem } from '../items/index.js';
import { parseSearchParams, SEARCH_PARAM_NAMES, type SearchParams } from '../search/index.js';
import { listActiveSources } from '../sources/index.js';
import type { PartnerDirectory } from './partner-directory.js';
import { withSearch } from './routes.js';
import type { SearchRuntime } from './search-runtime.js';

export interface FeedDeps {
  search: SearchRuntime;
  partners: PartnerDirectory;
  publicUrl: string;
  websubHubUrl?: string;
}

const FEED_SIZE = 50;
const FORMATS = [
  ['rss', 'application/rss+xml', 'RSS 2.0'],
  ['atom', 'application/atom+xml', 'Atom 1.0'],
  ['json', 'application/feed+json', 'JSON Feed 1.1'],
] as const;

function feedDocs(): RouteDoc[] {
  const filters = {
    q: { description: 'Texte recherché' },
    partner: { description: 'Partenaires' },
    partnerKind: { description: 'province, commune, state, government, public-body, other' },
    type: { description: 'Types' },
    topic: { description: 'Thèmes' },
    audience: { description: 'Publics' },
    commune: { description: 'Codes INSEE' },
    province: { description: 'sud, nord, iles' },
    from: { description: 'Depuis' },
    to: { description: "Jusqu'au" },
    limit: { description: '1 à 100, défaut 50' },
  };
  const ok = (type: string, name: string) => ({
    200: { description: name, contentType: type },
    304: { description: 'Inchangé depuis If-None-Match / If-Modified-Since' },
    400: { description: 'Filtre invalide ou paramètre inconnu' },
  });
  return [
    {
      method: 'get',
      path: '/feeds/items.:format',
      tag: 'feeds',
      summary: 'Flux unifié (format : rss, atom ou json), mêmes filtres que /api/v1/items',
      query: filters,
      responses: ok(FORMATS.map((f) => f[1]).join(' | '), 'Flux'),
    },
    {
      method: 'get',
      path: '/feeds/partners/:id.:format',
      tag: 'feeds',
      summary: "Flux d'un partenaire (rss, atom ou json)",
      query: filters,
      responses: { ...ok('application/rss+xml', 'Flux'), 404: { description: 'Partenaire inconnu' } },
    },
    {
      method: 'get',
      path: '/feeds/sources.opml',
      tag: 'feeds',
      summary: 'Les sources actives, en OPML 2.0',
      responses: { 200: { description: 'OPML', contentType: 'text/x-opml' } },
    },
  ];
}

/** A feed takes the filters of /api/v1/items, not its paging or order (newest first, one page). */
const FEED_PARAMS = SEARCH_PARAM_NAMES.filter((name) => name !== 'page' && name !== 'sort');

function parseFilters(query: Record<string, string | string[] | undefined>): SearchParams {
  const parsed = parseSearchParams(query, FEED_PARAMS);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  return {
    ...parsed.params,
    sort: 'date',
    page: 1,
    limit: query.limit === undefined ? FEED_SIZE : (parsed.params.limit ?? FEED_SIZE),
  };
}

/** The feed routes, documented. */
export function feedRoutes(deps: FeedDeps): RouteGroup {
  const version = async () => `${deps.search.version()}:${await deps.partners.getVersion()}`;
  const router = createSyndicationRouter<SearchParams>({
    publicUrl: deps.publicUrl,
    ...(deps.websubHubUrl ? { websubHubUrl: deps.websubHubUrl } : {}),
    parseFilters,
    notFound,
    getVersion: version,
    getPartners: async () => [...(await deps.partners.get()).values()],
    async listItems(filters) {
      const v = await version();
      const hits = withSearch(() => deps.search.service.search(filters)).items;
      const docs = await findItemsByIds(hits.map((h) => h.id));
      return { items: docs.filter((d) => d.status === 'published').map(toItem), version: v };
    },
    async listActiveSources(): Promise<OpmlSource[]> {
      return (await listActiveSources()).map((s) => ({
        id: s._id,
        kind: s.kind,
        // Stored addresses carry no credentials (migration 002); this keeps it so whatever wrote them.
        url: splitAddressCredentials(s.url).url,
        partnerId: s.partnerId,
        ...(s.name ? { name: s.name } : {}),
      }));
    },
  });
  return new RouteGroup(router, feedDocs());
}
