/**
 * GET /: the home page. Gathers its data from the catalog's search (in-process, never the
 * database): the query's results, or the alerts in force and the latest items.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { parseSearchParams, SearchNotReadyError, type SearchHit, type SearchResult } from '../../hub/search/index.js';
import { sendPage } from '../../hub/ui/index.js';
import type { PortalDeps } from '../deps.js';
import { HomePage, type LinkedCard } from '../pages/home-page.js';

const PAGE_SIZE = 10;
const LATEST = 6;
const ALERTS = 3;

/**
 * A search hit as a card linking to the partner's own page (the portal's item pages come
 * later); a query's results show the snippet with the words found.
 */
function toCard(hit: SearchHit, partnerName: string | undefined, searched: boolean): LinkedCard {
  return {
    href: hit.url,
    item: {
      id: hit.id,
      title: hit.title,
      type: hit.type,
      partnerName: partnerName ?? hit.partnerId,
      ...(hit.summary ? { summary: hit.summary } : {}),
      ...(searched && hit.snippet ? { snippetHtml: hit.snippet } : {}),
      ...(hit.date ? { publishedAt: hit.date } : {}),
      ...(hit.event ? { event: hit.event } : {}),
    },
  };
}

function readQuery(ctx: Context): { q: string; page: string | undefined } {
  const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim() : '';
  const page = typeof ctx.query.page === 'string' ? ctx.query.page : undefined;
  return { q, page };
}

/** The handler of GET /. */
export function serveHome(deps: PortalDeps) {
  return async function home(ctx: Context): Promise<void> {
    const { q, page } = readQuery(ctx);
    const partners = deps.catalog.partners.current();
    const cards = (result: SearchResult) =>
      result.items.map((hit) => toCard(hit, partners.get(hit.partnerId)?.name, q !== ''));
    const hrefForPage = (p: number) => `/?${new URLSearchParams({ q, ...(p > 1 ? { page: String(p) } : {}) })}`;
    const base = { query: q, alerts: [], latest: [], hrefForPage };

    const parsed = q || page ? parseSearchParams({ q, page, limit: String(PAGE_SIZE) }) : undefined;
    if (parsed && !parsed.ok) {
      const queryError = parsed.errors.map((e) => `${e.field === 'q' ? 'Votre recherche' : 'La page'} ${e.message}`);
      return sendPage(ctx, h(HomePage, { ...base, queryError: queryError.join(' ; ') }), { status: 400 });
    }
    const service = deps.catalog.search.service;
    if (!service.isReady()) {
      ctx.set('Retry-After', '5');
      return sendPage(ctx, h(HomePage, { ...base, searchUnavailable: true }), { status: parsed ? 503 : 200 });
    }
    const etag = `${deps.catalog.search.version()}-${await deps.catalog.partners.getVersion()}`;
    try {
      if (parsed?.ok && q) {
        const result = service.search(parsed.params);
        const results = {
          total: result.total,
          page: result.page,
          pageCount: Math.ceil(result.total / result.limit),
          cards: cards(result),
        };
        return sendPage(ctx, h(HomePage, { ...base, results }), { etag });
      }
      const alerts = cards(service.search({ type: ['alert'], sort: 'date', limit: ALERTS }));
      const shown = new Set(alerts.map((a) => a.item.id));
      const latest = cards(service.search({ sort: 'date', limit: LATEST + shown.size }))
        .filter((c) => !shown.has(c.item.id))
        .slice(0, LATEST);
      return sendPage(ctx, h(HomePage, { ...base, alerts, latest }), { etag });
    } catch (err) {
      if (!(err instanceof SearchNotReadyError)) throw err;
      return sendPage(ctx, h(HomePage, { ...base, searchUnavailable: true }), { status: 503 });
    }
  };
}
