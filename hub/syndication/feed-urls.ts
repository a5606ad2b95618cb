/** The public URLs of the hub's feeds: what they are served at, and what WebSub pings name. */
import type { FeedFormat } from './types.js';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

/** The unified feed's URL in each format, with a canonical query (or none). */
export function buildItemsFeedUrls(publicUrl: string, query = ''): Record<FeedFormat, string> {
  return buildUrls(publicUrl, 'feeds/items', query);
}

/** One partner's feed URL in each format, with a canonical query (or none). */
export function buildPartnerFeedUrls(publicUrl: string, partnerId: string, query = ''): Record<FeedFormat, string> {
  return buildUrls(publicUrl, `feeds/partners/${encodeURIComponent(partnerId)}`, query);
}

/** Template of a partner's RSS feed, for FeedMeta.partnerFeedUrlTemplate and OpmlMeta. */
export function buildPartnerFeedTemplate(publicUrl: string): string {
  return `${trimSlash(publicUrl)}/feeds/partners/{partnerId}.rss`;
}

/**
 * The WebSub topics to ping when partners' items change: the unfiltered unified feed and
 * each partner's feed, in every format. (Filtered URLs are topics of their own that no ping
 * names; their subscribers fall back to polling, which the ETag makes cheap.)
 */
export function listFeedTopics(publicUrl: string, partnerIds: readonly string[] = []): string[] {
  const urls = [buildItemsFeedUrls(publicUrl), ...partnerIds.map((id) => buildPartnerFeedUrls(publicUrl, id))];
  return urls.flatMap((set) => FORMATS.map((format) => set[format]));
}

function buildUrls(publicUrl: string, path: string, query: string): Record<FeedFormat, string> {
  const suffix = query ? `?${query}` : '';
  const base = `${trimSlash(publicUrl)}/${path}`;
  return { rss: `${base}.rss${suffix}`, atom: `${base}.atom${suffix}`, json: `${base}.json${suffix}` };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
