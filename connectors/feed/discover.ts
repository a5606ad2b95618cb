/**
 * Feed discovery: from a site's address to the feeds it announces in its
 * `<link rel="alternate" type="application/rss+xml|atom+xml" href>` elements — or the
 * address itself when it already is a feed. Fetched through the connectors' fetcher, so
 * the same address rules apply (no private address unless allowed, size cap, timeouts).
 */
import { Parser } from 'htmlparser2';
import { classifyFailure, decodeText, resolveUrl, type Fetcher } from '../shared/index.js';

export interface DiscoveredFeed {
  url: string;
  title?: string;
  /** rss or atom (RDF feeds count as rss). */
  format: 'rss' | 'atom';
}

const FEED_TYPES: Record<string, DiscoveredFeed['format']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
};
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml;q=0.9, */*;q=0.5';
/** A page is read up to here: the links are in its head. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** The format of a document that is itself a feed, or undefined. */
function feedFormatOf(text: string, contentType: string | undefined): DiscoveredFeed['format'] | undefined {
  const start = text
    .slice(0, 2000)
    .replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '')
    .trimStart();
  if (/^<feed[\s>]/i.test(start)) return 'atom';
  if (/^<(rss|rdf:RDF)[\s>]/i.test(start)) return 'rss';
  if (contentType && /atom\+xml/.test(contentType)) return 'atom';
  if (contentType && /rss\+xml/.test(contentType)) return 'rss';
  return undefined;
}

/** Pure: the feeds an HTML page announces, resolved against its address (and its <base>). */
export function findAnnouncedFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolveUrl(attrs.href, pageUrl) ?? base;
        if (name !== 'link' || !attrs.href) return;
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const format = FEED_TYPES[(attrs.type ?? '').toLowerCase().split(';')[0]!.trim()];
        if (!rels.includes('alternate') || !format) return;
        const url = resolveUrl(attrs.href, base);
        if (url && /^https?:/.test(url) && !found.some((f) => f.url === url))
          found.push({ url, format, ...(attrs.title?.trim() ? { title: attrs.title.trim() } : {}) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The feeds found from `siteUrl`; throws a classified ConnectorError when it cannot be read. */
export async function discoverFeeds(siteUrl: string, fetcher: Fetcher): Promise<DiscoveredFeed[]> {
  try {
    const response = await fetcher.fetch({ url: siteUrl, accept: ACCEPT, maxBytes: MAX_PAGE_BYTES });
    const text = decodeText(response.body, response.contentType);
    const format = feedFormatOf(text, response.contentType);
    if (format) {
      const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.trim();
      return [{ url: response.url, format, ...(title ? { title } : {}) }];
    }
    return findAnnouncedFeeds(text, response.url);
  } catch (error) {
    throw classifyFailure(error, siteUrl);
  }
}
