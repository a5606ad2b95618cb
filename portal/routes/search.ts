/** GET /recherche: the search page (filters of /api/v1/items), rendered on the server. */
import type { Context } from 'koa';
import { h } from 'preact';
import { SERVICES_FIRST, servicesFirstFilter } from '../../hub/catalog/index.js';
import { MAX_WINDOW, type SearchParams, type SearchResult } from '../../hub/search/index.js';
import type { PortalDeps } from '../deps.js';
import { SearchPage, type ActiveFilter } from '../pages/search-page.js';
import { itemsFeed } from '../site/feeds.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { toCard } from '../view/cards.js';
import { buildFacetGroups, labelFilterValue } from '../view/facet-groups.js';
import {
  hrefOf,
  LIST_FILTERS,
  readSearchState,
  toggleFilter,
  toQueryString,
  type SearchState,
} from '../view/search-state.js';
import type { PartnerRef } from '../view/partner-words.js';
import { BadPageRequest } from './error-pages.js';
import { pageEtag } from './page-etag.js';

export const SEARCH_PAGE_SIZE = 10;

/** Where a citizen tells what the search did not find: the wish form, its title filled with the query. */
export function wishHref(q: string): string {
  return `/souhaits/proposer${q ? `?${new URLSearchParams({ titre: q.slice(0, 140) })}` : ''}`;
}

function listActive(state: SearchState, partners: ReadonlyMap<string, PartnerRef>): ActiveFilter[] {
  const active: ActiveFilter[] = LIST_FILTERS.flatMap((name) =>
    (state.filters[name] ?? []).map((value) => ({
      label: labelFilterValue(name, value, partners),
      removeHref: hrefOf(toggleFilter(state, name, value)),
    })),
  );
  if (state.from)
    active.push({
      label: `Depuis le ${state.from.slice(0, 10)}`,
      removeHref: hrefOf({ ...state, from: undefined, page: 1 }),
    });
  if (state.to)
    active.push({
      label: `Jusqu'au ${state.to.slice(0, 10)}`,
      removeHref: hrefOf({ ...state, to: undefined, page: 1 }),
    });
  return active;
}

/** The corrected query, when the search offers one (« Vous vouliez dire … »). */
function readDidYouMean(result: SearchResult, state: SearchState) {
  return result.didYouMean
    ? { text: result.didYouMean, href: hrefOf({ ...state, q: result.didYouMean, page: 1 }) }
    : undefined;
}

/** « Faire la démarche en ligne »: the online services answering the search, as the API finds them. */
async function findServicesFirst(deps: PortalDeps, params: SearchParams, partners: ReadonlyMap<string, PartnerRef>) {
  const filter = servicesFirstFilter(params);
  if (!filter) return [];
  const found = (await deps.services.find(params.q ?? '', filter)).slice(0, SERVICES_FIRST);
  return found.map((service) => ({ service, partnerName: partners.get(service.partnerId)?.name ?? service.partnerId }));
}

/** The handler of GET /recherche. */
export function serveSearch(deps: PortalDeps) {
  // Pages found empty, by validator and address: a view of one served from the rendered
  // pages (hub/ui page-cache) still counts among « Recherches sans réponse ».
  const empty = new Set<string>();
  return async function search(ctx: Context): Promise<void> {
    const read = readSearchState(ctx.query, SEARCH_PAGE_SIZE);
    const partners = deps.catalog.partners.current();
    if (!read.ok) {
      const qError = read.errors.find((e) => e.field === 'q');
      if (!qError || read.errors.length > 1) throw new BadPageRequest(read.errors);
      const state: SearchState = { q: String(ctx.query.q ?? '').slice(0, 300), filters: {}, page: 1 };
      return sendPortalPage(
        ctx,
        deps.publicUrl,
        h(SearchPage, {
          ...pageParts(state),
          queryError: `Votre recherche ${qError.message}`,
        }),
        { status: 400 },
      );
    }
    const { state, params, queryTruncated } = read;
    // With words, the page also shows online services, whose registry changes apart from the
    // items: a short-lived page then, as /demarches.
    const etag = `${await pageEtag(deps)}${state.q ? `|${Math.floor(Date.now() / 60_000)}` : ''}`;
    const pageKey = `${etag}\n${ctx.originalUrl}`;
    const recordMiss = () => {
      if (params.q) deps.voice?.recordSearchMiss(params.q);
    };
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      async () => {
        const result = deps.catalog.search.service.search(params);
        // « Recherches sans réponse »: an in-memory tally, no I/O, nothing about the visitor.
        if (result.total === 0 && params.q) {
          recordMiss();
          if (empty.size >= 10_000) empty.clear();
          empty.add(pageKey);
        }
        const results = {
          total: result.total,
          pageCount: Math.ceil(Math.min(result.total, MAX_WINDOW) / SEARCH_PAGE_SIZE),
          cards: result.items.map((hit) => toCard(hit, partners, state.q !== '')),
          facets: buildFacetGroups(result.facets, state, partners),
          active: listActive(state, partners),
          didYouMean: readDidYouMean(result, state),
          queryTruncated,
        };
        const services = await findServicesFirst(deps, params, partners);
        return h(SearchPage, { ...pageParts(state), results, services });
      },
      { etag, onCacheHit: () => empty.has(pageKey) && recordMiss() },
    );
  };
}

function pageParts(state: SearchState) {
  const filtersOnly: Record<string, string[] | string | undefined> = { ...state.filters, q: state.q || undefined };
  return {
    state,
    hrefForPage: (page: number) => hrefOf({ ...state, page }),
    clearHref: hrefOf({ q: state.q, filters: {}, page: 1, ...(state.sort ? { sort: state.sort } : {}) }),
    wishHref: wishHref(state.q),
    feed: itemsFeed(state.q ? `Recherche « ${state.q} »` : 'Publications', {
      ...filtersOnly,
      from: state.from,
      to: state.to,
    }),
    canonicalPath: `/recherche${toQueryString(state) ? `?${toQueryString(state)}` : ''}`,
  };
}
