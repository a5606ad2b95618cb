/** The feeds that match a listing, for <link rel="alternate"> and for the links shown on the page. */

export interface FeedLink {
  /** What the feed holds, e.g. « Publications de Nouméa ». */
  title: string;
  /** The feed's path without its extension: /feeds/items or /feeds/partners/noumea. */
  base: string;
  /** The listing's filters, as a query string without « ? » (empty for none). */
  query?: string;
}

export const FEED_FORMATS = [
  { extension: 'rss', type: 'application/rss+xml', name: 'RSS' },
  { extension: 'atom', type: 'application/atom+xml', name: 'Atom' },
  { extension: 'json', type: 'application/feed+json', name: 'JSON Feed' },
] as const;

/** The address of a feed in one format. */
export function feedHref(feed: FeedLink, extension: string): string {
  return `${feed.base}.${extension}${feed.query ? `?${feed.query}` : ''}`;
}

/** The unified feed with the filters of a listing. */
export function itemsFeed(title: string, filters: Record<string, string | string[] | undefined> = {}): FeedLink {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const values = Array.isArray(value) ? value : value ? [value] : [];
    if (values.length) query.set(key, values.join(','));
  }
  return { title, base: '/feeds/items', query: query.toString() };
}
