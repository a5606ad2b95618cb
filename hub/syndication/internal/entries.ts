/**
 * Items turned once into the neutral entry every renderer reads: cleaned text, normalized
 * URLs, resolved dates, authors, categories and media, so the three formats cannot disagree.
 */
import type { Enclosure, EventInfo, Image, Item } from '../../../schemas/index.js';
import type { FeedMeta, PartnerDirectory, PartnerRef } from '../types.js';
import { resolveMediaType } from './media-type.js';
import { describeEvent } from './event-text.js';
import { renderLinkBlocks } from './link-blocks.js';
import { cleanLine, cleanText, escapeHtmlText, toHttpUrl } from './text.js';

export interface EntryAuthor {
  name: string;
  url?: string;
}

export interface EntryCategory {
  term: string;
  /** RSS domain, Atom scheme. */
  scheme?: string;
}

export interface EntryMedia {
  url: string;
  type: string;
  length?: number;
  title?: string;
}

export interface FeedEntry {
  id: string;
  /** RFC 4151 tag URI, for Atom (whose ids must be IRIs). */
  tagUri: string;
  title: string;
  /** The partner's own page: the hub sends readers there. */
  url: string;
  summary?: string;
  /** The sanitized content; for an event, after a paragraph saying when and where. */
  content?: string;
  /** The item's type (news, event, alert…). */
  type: string;
  event?: EventInfo;
  /** « Date : du 12 au 14 mars 2027 » and « Lieu : … » as plain-text lines, for an event. */
  eventText?: string;
  published: Date;
  updated: Date;
  partner: PartnerRef;
  /** The partner first, then the item's own author when it has one. */
  authors: EntryAuthor[];
  categories: EntryCategory[];
  image?: EntryMedia;
  enclosures: EntryMedia[];
  language: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Entries of the items that can be syndicated: not withdrawn, with a valid http(s) URL. */
export function toFeedEntries(items: readonly Item[], partners: PartnerDirectory, meta: FeedMeta): FeedEntry[] {
  const authority = getTagAuthority(meta);
  const entries: FeedEntry[] = [];
  for (const item of items) {
    const entry = toFeedEntry(item, partners, meta, authority);
    if (entry) entries.push(entry);
  }
  return entries;
}

function toFeedEntry(item: Item, partners: PartnerDirectory, meta: FeedMeta, authority: string): FeedEntry | undefined {
  const url = toHttpUrl(item.url);
  if (!url || item.status === 'withdrawn') return undefined;
  const partner = cleanPartner(partners.get(item.partnerId) ?? { id: item.partnerId, name: item.partnerId });
  const published = parseDate(item.publishedAt) ?? parseDate(item.firstSeenAt) ?? new Date(EPOCH);
  const image = item.image ? toMedia(item.image) : undefined;
  const event = item.event ? describeEvent(item.event) : undefined;
  const summary = item.summary ? cleanText(item.summary) : '';
  const body = item.content
    ? cleanText(item.content)
    : summary.trim() && event
      ? `<p>${escapeHtmlText(summary)}</p>`
      : '';
  const content = body + renderLinkBlocks(item.links);
  return {
    id: cleanText(item.id),
    tagUri: `tag:${authority}:items/${encodeURIComponent(item.id)}`,
    title: cleanLine(item.title),
    url,
    ...optional('summary', item.summary),
    // Readers show the content: an event's dates and place go first, where they are read.
    ...optional('content', event ? event.html + content : content),
    type: item.type,
    ...(event ? { event: event.info, eventText: event.text } : {}),
    published,
    updated: parseDate(item.updatedAt) ?? published,
    partner,
    authors: listAuthors(partner, item.author),
    categories: listCategories(item, partner, meta.topicScheme),
    ...(image ? { image } : {}),
    enclosures: (item.enclosures ?? []).map(toMedia).filter((m): m is EntryMedia => m !== undefined),
    language: item.language || meta.language || 'fr',
  };
}

/** The feed's own date: its newest entry's, so the same items always give the same bytes. */
export function getNewestDate(entries: readonly FeedEntry[], meta: Pick<FeedMeta, 'emptyDate'>): Date {
  let newest: Date | undefined;
  for (const entry of entries) if (!newest || entry.updated > newest) newest = entry.updated;
  return newest ?? parseDate(meta.emptyDate) ?? new Date(EPOCH);
}

function getTagAuthority(meta: FeedMeta): string {
  if (meta.tagAuthority) return meta.tagAuthority;
  const host = toHttpUrl(meta.alternateUrl) ? new URL(meta.alternateUrl).hostname : 'passerelle.invalid';
  return `${host},2025`;
}

function cleanPartner(partner: PartnerRef): PartnerRef {
  const website = toHttpUrl(partner.website);
  return { id: partner.id, name: cleanLine(partner.name) || partner.id, ...(website ? { website } : {}) };
}

function listAuthors(partner: PartnerRef, author: string | undefined): EntryAuthor[] {
  const authors: EntryAuthor[] = [{ name: partner.name, ...(partner.website ? { url: partner.website } : {}) }];
  const own = author ? cleanLine(author) : '';
  if (own && own !== partner.name) authors.push({ name: own });
  return authors;
}

/** Topics (the hub's vocabulary) then the partner's own categories, without duplicates. */
function listCategories(item: Item, partner: PartnerRef, topicScheme: string | undefined): EntryCategory[] {
  const topicDomain = toHttpUrl(topicScheme);
  const all = [
    ...item.topics.map((term) => ({ term, scheme: topicDomain })),
    ...(item.categories ?? []).map((term) => ({ term, scheme: partner.website })),
  ];
  const seen = new Set<string>();
  const out: EntryCategory[] = [];
  for (const { term: raw, scheme } of all) {
    const term = cleanLine(raw);
    const key = `${scheme ?? ''}\u0000${term}`;
    if (!term || seen.has(key)) continue;
    seen.add(key);
    out.push({ term, ...(scheme ? { scheme } : {}) });
  }
  return out;
}

function toMedia(media: Image | Enclosure): EntryMedia | undefined {
  const url = toHttpUrl(media.url);
  if (!url) return undefined;
  const title = 'alt' in media ? media.alt : 'title' in media ? media.title : undefined;
  const length =
    'length' in media && Number.isSafeInteger(media.length) && media.length! >= 0 ? media.length : undefined;
  return {
    url,
    type: resolveMediaType(url, media.type),
    ...(length !== undefined ? { length } : {}),
    ...(title && cleanLine(title) ? { title: cleanLine(title) } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const clean = value ? cleanText(value) : '';
  return (clean.trim() ? { [key]: clean } : {}) as Partial<Record<K, string>>;
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
