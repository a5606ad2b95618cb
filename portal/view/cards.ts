/** Search hits as the kit's item cards, each leading to the portal's own page of the item. */
import type { SearchHit } from '../../hub/search/index.js';
import type { CardItem } from '../../hub/ui/index.js';
import type { PartnerRef } from './partner-words.js';

export interface LinkedCard {
  item: CardItem;
  href: string;
}

/** Every item link of the portal: /articles/:id. */
export function itemPath(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

/** A hit as a card; `withSnippet` shows the matched words of a query instead of the summary. */
export function toCard(hit: SearchHit, partners: ReadonlyMap<string, PartnerRef>, withSnippet = false): LinkedCard {
  const partner = partners.get(hit.partnerId);
  return {
    href: itemPath(hit.id),
    item: {
      id: hit.id,
      title: hit.title,
      type: hit.type,
      partnerName: partner?.shortName ?? partner?.name ?? hit.partnerId,
      ...(hit.summary ? { summary: hit.summary } : {}),
      ...(withSnippet && hit.snippet ? { snippetHtml: hit.snippet } : {}),
      ...(hit.date ? { publishedAt: hit.date } : {}),
      ...(hit.event ? { event: hit.event } : {}),
      ...(hit.alsoPublishedBy?.length
        ? {
            alsoPublishedBy: hit.alsoPublishedBy.map(
              (id) => partners.get(id)?.shortName ?? partners.get(id)?.name ?? id,
            ),
          }
        : {}),
    },
  };
}
