/** Atom 1.0 (RFC 4287) of a list of items, built by feed 6 and corrected where it goes wrong. */
import { Feed, type Item as FeedItem } from 'feed';
import { getNewestDate, toFeedEntries, type EntryMedia, type FeedEntry } from './internal/entries.js';
import { escapeXml, requireUrl, toHttpUrl } from './internal/text.js';
import { XmlSlots } from './internal/xml-slots.js';
import type { FeedInput } from './types.js';

/** Renders the items as Atom 1.0 with xml:lang, rel="self" (and rel="hub"); same input, same bytes. */
export function renderAtom(input: FeedInput): string {
  const { meta } = input;
  const entries = toFeedEntries(input.items, input.partners, meta);
  const slots = new XmlSlots();
  const selfUrl = requireUrl(meta.feedUrls.atom, 'feedUrls.atom');
  const authorUrl = toHttpUrl(meta.author?.url);
  const feed = new Feed({
    id: slots.hold(selfUrl),
    title: slots.hold(meta.title),
    description: slots.hold(meta.description),
    link: requireUrl(meta.alternateUrl, 'alternateUrl'),
    feed: selfUrl,
    hub: toHttpUrl(meta.hubUrl),
    // Why: without it feed stamps new Date(), and the ETag would change on every render.
    updated: getNewestDate(entries, meta),
    generator: 'Passerelle',
    author: meta.author ? { name: slots.hold(meta.author.name), ...(authorUrl ? { link: authorUrl } : {}) } : undefined,
  });
  const mediaTypes = new Map<string, string>();
  for (const entry of entries) feed.addItem(toAtomEntry(entry, slots, mediaTypes));
  let xml = declareLanguage(feed.atom1(), meta.language ?? 'fr');
  xml = markPlainText(xml);
  xml = retypeEnclosures(xml, mediaTypes);
  return slots.fill(xml);
}

function toAtomEntry(entry: FeedEntry, slots: XmlSlots, mediaTypes: Map<string, string>): FeedItem {
  const file = entry.enclosures[0];
  return {
    title: slots.hold(entry.title),
    // Atom ids must be IRIs and feed passes them through new URL(): a tag URI (RFC 4151).
    id: entry.tagUri,
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    description: entry.summary ? slots.hold(entry.summary) : undefined,
    content: entry.content ? slots.hold(entry.content) : undefined,
    author: entry.authors.map((a) => ({ name: slots.hold(a.name), ...(a.url ? { link: a.url } : {}) })),
    // Atom requires term; feed writes a name-only category without one, so the name is the term.
    category: entry.categories.map((c) => ({ term: slots.hold(c.term), ...(c.scheme ? { scheme: c.scheme } : {}) })),
    image: entry.image ? toEnclosure(entry.image, slots, mediaTypes) : undefined,
    enclosure: file ? toEnclosure(file, slots, mediaTypes) : undefined,
  };
}

function toEnclosure(media: EntryMedia, slots: XmlSlots, mediaTypes: Map<string, string>): FeedItem['enclosure'] {
  mediaTypes.set(media.url.replaceAll('&', '&amp;'), media.type);
  return {
    url: media.url,
    ...(media.title ? { title: slots.hold(media.title) } : {}),
    ...(media.length !== undefined ? { length: media.length } : {}),
  };
}

/** feed sets no language on an Atom feed; xml:lang on the root covers every entry. */
function declareLanguage(xml: string, language: string): string {
  return xml.replace(
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}">`,
  );
}

/**
 * feed marks titles and summaries type="html", but ours are plain text: as HTML, a title
 * « 3 < 4 » or « <b> » would be misread. (Run before the slots are filled, so that no
 * partner text can match.)
 */
function markPlainText(xml: string): string {
  return xml
    .replaceAll('<title type="html">', '<title type="text">')
    .replaceAll('<summary type="html">', '<summary type="text">');
}

/** feed types every enclosure link as image/<extension>; this puts the real media type back. */
function retypeEnclosures(xml: string, mediaTypes: Map<string, string>): string {
  return xml.replace(
    /(<link rel="enclosure" href="([^"]*)"[^>]*? type=")[^"]*(")/g,
    (match, head: string, href: string, tail: string) => {
      const type = mediaTypes.get(href);
      return type ? `${head}${escapeXml(type)}${tail}` : match;
    },
  );
}
