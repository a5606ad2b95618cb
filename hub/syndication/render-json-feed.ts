/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written here: feed 6 emits version 1
 * with the deprecated `author`, and no `authors`, `language`, `attachments` nor `hubs`.
 */
import { toFeedEntries, type EntryMedia, type FeedEntry } from './internal/entries.js';
import { cleanLine, cleanText, requireUrl, toHttpUrl } from './internal/text.js';
import type { FeedInput, FeedMeta } from './types.js';

const VERSION = 'https://jsonfeed.org/version/1.1';
/** Where the `_passerelle` extension's fields (type, event) are described: the Item schema. */
const EXTENSION_ABOUT = 'https://passerelle.nc/schemas/item.schema.json';

interface JsonAuthor {
  name: string;
  url?: string;
}
interface JsonAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
}

/** Renders the items as JSON Feed 1.1 (pretty-printed, stable key order); same input, same bytes. */
export function renderJsonFeed(input: FeedInput): string {
  const { meta } = input;
  const entries = toFeedEntries(input.items, input.partners, meta);
  const hubUrl = toHttpUrl(meta.hubUrl);
  const feed = {
    version: VERSION,
    title: cleanLine(meta.title),
    home_page_url: requireUrl(meta.alternateUrl, 'alternateUrl'),
    feed_url: requireUrl(meta.feedUrls.json, 'feedUrls.json'),
    description: cleanText(meta.description),
    language: meta.language ?? 'fr',
    ...(meta.author
      ? { authors: [toJsonAuthor({ name: cleanLine(meta.author.name), url: toHttpUrl(meta.author.url) })] }
      : {}),
    ...(hubUrl ? { hubs: [{ type: 'WebSub', url: hubUrl }] } : {}),
    items: entries.map((entry) => toJsonItem(entry, meta)),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function toJsonItem(entry: FeedEntry, meta: FeedMeta): Record<string, unknown> {
  const attachments = [...(entry.image ? [entry.image] : []), ...entry.enclosures].map(toAttachment);
  const tags = [...new Set(entry.categories.map((c) => c.term))];
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    // 1.1 requires content_html or content_text; the summary (or the title) stands in.
    ...(entry.content ? { content_html: entry.content } : { content_text: toContentText(entry) }),
    ...(entry.summary ? { summary: entry.summary } : {}),
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: entry.published.toISOString(),
    date_modified: entry.updated.toISOString(),
    authors: entry.authors.map(toJsonAuthor),
    ...(tags.length ? { tags } : {}),
    ...(entry.language !== (meta.language ?? 'fr') ? { language: entry.language } : {}),
    ...(attachments.length ? { attachments } : {}),
    // JSON Feed 1.1 extensions are objects whose key starts with an underscore.
    _passerelle: { about: EXTENSION_ABOUT, type: entry.type, ...(entry.event ? { event: entry.event } : {}) },
  };
}

function toContentText(entry: FeedEntry): string {
  const text = entry.summary ?? entry.title;
  return entry.eventText ? `${entry.eventText}\n\n${text}` : text;
}

function toJsonAuthor(author: { name: string; url?: string | undefined }): JsonAuthor {
  return { name: author.name, ...(author.url ? { url: author.url } : {}) };
}

function toAttachment(media: EntryMedia): JsonAttachment {
  return {
    url: media.url,
    mime_type: media.type,
    ...(media.title ? { title: media.title } : {}),
    ...(media.length ? { size_in_bytes: media.length } : {}),
  };
}
