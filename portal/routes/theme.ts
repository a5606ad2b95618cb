/** GET /themes/:slug: a topic's page. A topic no published item carries: 404. */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound } from '../../hub/http/index.js';
import { MAX_WINDOW } from '../../hub/search/index.js';
import type { PortalDeps } from '../deps.js';
import { ThemePage } from '../pages/theme-page.js';
import { itemsFeed } from '../site/feeds.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { toCard } from '../view/cards.js';
import { getTopicLabel, isTopicSlug } from '../view/topics.js';
import { BadPageRequest } from './error-pages.js';
import { pageEtag } from './page-etag.js';

const PAGE_SIZE = 12;

function readPage(raw: unknown): number {
  if (raw === undefined) return 1;
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(page >= 1 && page * PAGE_SIZE <= MAX_WINDOW))
    throw new BadPageRequest([
      { field: 'page', message: `doit être un numéro de page entre 1 et ${Math.floor(MAX_WINDOW / PAGE_SIZE)}` },
    ]);
  return page;
}

/** The handler of GET /themes/:slug. */
export function serveTheme(deps: PortalDeps) {
  return async function themePage(ctx: Context): Promise<void> {
    const slug = String(ctx.params.slug);
    if (!isTopicSlug(slug)) throw notFound(`le thème ${slug}`);
    const page = readPage(ctx.query.page);
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      async () => {
        const partners = await deps.catalog.partners.get();
        const result = deps.catalog.search.service.search({ topic: [slug], sort: 'date', page, limit: PAGE_SIZE });
        if (result.total === 0) throw notFound(`le thème ${slug}`);
        const label = getTopicLabel(slug);
        return h(ThemePage, {
          slug,
          label,
          total: result.total,
          page,
          pageCount: Math.ceil(Math.min(result.total, MAX_WINDOW) / PAGE_SIZE),
          cards: result.items.map((hit) => toCard(hit, partners)),
          types: Object.entries(result.facets.type),
          feed: itemsFeed(`Thème ${label}`, { topic: slug }),
        });
      },
      { etag: await pageEtag(deps) },
    );
  };
}
