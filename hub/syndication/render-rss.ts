/** RSS 2.0 of a list of items, built by feed 6 and corrected where it goes wrong. */
import { Feed, type Item as FeedItem } from 'feed';
import { toFeedEntries, getNewestDate, type FeedEntry } from './internal/entries.js';
import { escapeHtmlText, fillPartnerTemplate, requireUrl, toHttpUrl } from './internal/text.js';
import { XmlSlots } from './internal/xml-slots.js';
import type { FeedInput, FeedMeta } from './types.js';

const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/** Renders the items as RSS 2.0 with atom:link self (and hub); same input, same bytes. */
export function renderRss(input: FeedInput): string {
  const { meta } = input;
  const entries = toFeedEntries(input.items, input.partners, meta);
  const slots = new XmlSlots();
  const feed = new Feed({
    title: slots.hold(meta.title),
    description: slots.hold(meta.description),
    link: requireUrl(meta.alternateUrl, 'alternateUrl'),
    feed: requireUrl(meta.feedUrls.rss, 'feedUrls.rss'),
    hub: toHttpUrl(meta.hubUrl),
    language: slots.hold(meta.language ?? 'fr'),
    // Why: without it feed stamps new Date(), and the ETag would change on every render.
    updated: getNewestDate(entries, meta),
    generator: 'Passerelle',
  });
  for (const entry of entries) feed.addItem(toRssItem(entry, slots, meta));
  return slots.fill(declareDublinCore(feed.rss2()));
}

function toRssItem(entry: FeedEntry, slots: XmlSlots, meta: FeedMeta): FeedItem {
  // One enclosure per item (RSS 2.0 readers take the first): the image, else the first file.
  const media = entry.image ?? entry.enclosures[0];
  return {
    title: slots.hold(entry.title),
    link: entry.url,
    guid: slots.hold(entry.id),
    date: entry.updated,
    published: entry.published,
    // <description> is read as HTML by readers: the plain-text summary is escaped into HTML first.
    description: entry.summary ? slots.hold(escapeHtmlText(entry.summary)) : undefined,
    content: entry.content ? slots.hold(entry.content) : undefined,
    category: entry.categories.map((c) => ({
      name: slots.hold(c.term),
      domain: c.scheme ? slots.hold(c.scheme) : undefined,
    })),
    // Why not feed's own image/enclosure typing: it labels every file image/<extension>.
    enclosure: media ? { url: media.url, type: slots.hold(media.type), length: media.length ?? 0 } : undefined,
    // RSS <author> must be an e-mail address: names go to dc:creator, the partner to <source>.
    extensions: [
      {
        name: 'dc:creator',
        objects: entry.authors.map((a) => ({ _text: slots.hold(a.name) })) as unknown as Record<string, unknown>,
      },
      { name: 'source', objects: toSource(entry, slots, meta) },
    ],
  };
}

/** RSS 2.0 <source url="…">: the channel the item came from, i.e. the partner's own feed. */
function toSource(entry: FeedEntry, slots: XmlSlots, meta: FeedMeta): Record<string, unknown> {
  const url =
    toHttpUrl(fillPartnerTemplate(meta.partnerFeedUrlTemplate, entry.partner.id)) ??
    entry.partner.website ??
    meta.feedUrls.rss;
  return { _attributes: { url: slots.hold(url) }, _text: slots.hold(entry.partner.name) };
}

/** feed declares xmlns:dc only when some item has content; dc:creator needs it always. */
function declareDublinCore(xml: string): string {
  if (/<rss [^>]*xmlns:dc=/.test(xml)) return xml;
  return xml.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DC_NAMESPACE}"`);
}
