/** GET /articles/:id: an item's page. Unknown or withdrawn: the French 404 page. */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound } from '../../hub/http/index.js';
import type { SearchHit, SearchService } from '../../hub/search/index.js';
import type { Item } from '../../schemas/index.js';
import { createItemCache, type CachedItem } from '../content/item-cache.js';
import type { PortalDeps } from '../deps.js';
import { FeedbackQuestion } from '../components/feedback-question.js';
import { ItemPage } from '../pages/item-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { describeItem } from '../site/structured-data.js';
import { itemPath, toCard } from '../view/cards.js';
import { listCommunes, readCommuneChoice } from '../view/communes.js';
import { describeReadOn } from '../view/partner-words.js';
import { pageEtag } from './page-etag.js';

const RELATED = 3;

/** Items on the same subject: the title's words first, then the same topics, never the item itself. */
function findRelated(service: SearchService, item: Item): SearchHit[] {
  const byTitle = service.search({ q: item.title, limit: RELATED + 1 }).items;
  const byTopic = item.topics.length
    ? service.search({ topic: item.topics, sort: 'date', limit: RELATED + 1 }).items
    : [];
  const seen = new Set([item.id]);
  return [...byTitle, ...byTopic].filter((hit) => !seen.has(hit.id) && seen.add(hit.id)).slice(0, RELATED);
}

/** The handler of GET /articles/:id. */
export function serveItem(deps: PortalDeps) {
  const cache = createItemCache(deps.findItem);
  // Two searches per page are the dearest part of it: kept with the cached item, so for
  // the same data version (a new version brings new CachedItem objects).
  const relatedOf = new WeakMap<CachedItem, SearchHit[]>();
  return async function itemPage(ctx: Context): Promise<void> {
    const id = String(ctx.params.id);
    const partnersNow = await deps.catalog.partners.get();
    const choice = readCommuneChoice(ctx, partnersNow);
    const commune = choice.ok ? choice.commune : undefined;
    // The chosen commune changes the « Qui peut m'aider ? » card; the registry and the hours change by the minute.
    const etag = await pageEtag(deps, commune?.id ?? '', String(Math.floor(Date.now() / 60_000)));
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      async () => {
        const found = await cache.get(id, deps.catalog.search.version());
        if (!found) throw notFound(`la publication ${id}`);
        const { item, content } = found;
        if (!relatedOf.has(found)) relatedOf.set(found, findRelated(deps.catalog.search.service, item));
        const partners = await deps.catalog.partners.get();
        const partner = partners.get(item.partnerId);
        const canonicalPath = itemPath(item.id);
        return h(ItemPage, {
          item,
          ...(partner ? { partner } : {}),
          ...(content ? { content } : {}),
          links: item.links ?? {},
          readOnLabel: describeReadOn(item.url, partner),
          partners,
          ownPage: item.url === `${deps.publicUrl}${canonicalPath}`,
          related: relatedOf.get(found)!.map((hit) => toCard(hit, partners)),
          onlineServices: (await deps.services.find('', { itemId: item.id })).map((service) => ({
            service,
            partnerName: partners.get(service.partnerId)?.name ?? service.partnerId,
          })),
          ...(item.localOffices?.length
            ? {
                help: {
                  ...(commune ? { commune } : {}),
                  communes: listCommunes(partners),
                  contacts: commune?.communeCode
                    ? await deps.services.findLocalContacts(item.localOffices, commune.communeCode)
                    : [],
                },
              }
            : {}),
          widgetScript: await deps.widgetScript(),
          ...(deps.voice ? { feedback: h(FeedbackQuestion, { itemId: item.id }) } : {}),
          canonicalPath,
          structuredData: [describeItem(item, partner, `${deps.publicUrl}${canonicalPath}`)],
        });
      },
      { etag },
    );
  };
}
