/** Normalizers for one ItemInput field each, used by finalize-item.ts. */
import type {
  Audience,
  EventInfo,
  Image,
  Enclosure,
  ItemLink,
  ItemLinks,
  ItemType,
  LinkList,
} from '../../schemas/index.js';
import { parseDate, type ParseDateOptions } from './dates.js';
import { findFirstImage } from './sanitize.js';
import { collapseWhitespace, htmlToText, slugify, truncateAtWord } from '../text/index.js';
import { resolveUrl } from './urls.js';
import type { DraftItem, LinkBlock } from './types.js';

const ITEM_TYPES: readonly ItemType[] = ['news', 'event', 'procedure', 'service', 'job', 'publication', 'alert'];
const AUDIENCES: Record<string, Audience> = {
  particuliers: 'particuliers',
  particulier: 'particuliers',
  professionnels: 'professionnels',
  professionnel: 'professionnels',
  entreprises: 'professionnels',
  associations: 'associations',
  association: 'associations',
};
const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif|svg)(\?|$)/i;

/** An ItemType when the value is one (case-insensitive), else undefined. */
export function normalizeType(value: unknown): ItemType | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return ITEM_TYPES.find((t) => t === text);
}

/** Topic slugs from labels, deduplicated, at most 30. */
export function normalizeTopics(values: readonly string[] | undefined): string[] {
  const slugs = (values ?? []).map((v) => slugify(htmlToText(String(v)))).filter(Boolean);
  return [...new Set(slugs)].slice(0, 30);
}

/** Audiences from labels such as "Particuliers" or "entreprises", deduplicated. */
export function normalizeAudience(values: readonly string[] | undefined): Audience[] {
  const known = (values ?? []).map((v) => AUDIENCES[slugify(String(v))]).filter((a): a is Audience => a !== undefined);
  return [...new Set(known)];
}

/** A language tag such as "fr" or "fr-FR" from "FR", "fr_fr", "fr-FR"; undefined when not one. */
export function normalizeLanguage(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^([a-z]{2})(?:[-_]([a-z]{2}))?$/i.exec(value.trim()) : null;
  if (!match?.[1]) return undefined;
  return match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase();
}

/** Plain-text categories, deduplicated, each at most 200 characters, at most 50. */
export function normalizeCategories(values: readonly string[] | undefined): string[] | undefined {
  const texts = (values ?? []).map((v) => truncateAtWord(htmlToText(String(v)), 200)).filter(Boolean);
  const unique = [...new Set(texts)].slice(0, 50);
  return unique.length ? unique : undefined;
}

/** Citizens' wording (questions, related titles, sigles): plain text, unique, at most 100 × 300 characters. */
export function normalizeKeywords(values: readonly string[] | undefined): string[] | undefined {
  const texts = (values ?? []).map((v) => truncateAtWord(htmlToText(String(v)), 300)).filter(Boolean);
  const unique = [...new Set(texts)].slice(0, 100);
  return unique.length ? unique : undefined;
}

const LINK_BLOCKS: readonly LinkBlock[] = ['services', 'questions', 'seeAlso', 'moreInfo', 'references'];

/**
 * Link blocks: plain-text titles (300 characters), absolute http(s) addresses, kinds of 80
 * characters; a link without a title or a usable address is dropped, repeats too, an empty
 * block left out, at most 50 links a block.
 */
export function normalizeLinks(links: DraftItem['links'], base?: string): ItemLinks | undefined {
  const out: ItemLinks = {};
  for (const block of LINK_BLOCKS) {
    const seen = new Set<string>();
    const kept: ItemLink[] = [];
    for (const link of links?.[block] ?? []) {
      const title = truncateAtWord(htmlToText(String(link.title ?? '')), 300);
      const url = resolveUrl(link.url, base);
      if (!title || !url || seen.has(`${url}\n${title}`)) continue;
      seen.add(`${url}\n${title}`);
      const kind = link.kind ? truncateAtWord(htmlToText(String(link.kind)), 80) : '';
      kept.push({ title, url, ...(kind ? { kind } : {}) });
    }
    if (kept.length) out[block] = kept.slice(0, 50) as LinkList;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Plain text cut at a word, or undefined when empty. */
export function normalizeText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = truncateAtWord(htmlToText(String(value)), max);
  return text || undefined;
}

/** Event start/end/place; undefined without a parsable start. */
export function normalizeEvent(event: DraftItem['event'], dates: ParseDateOptions): EventInfo | undefined {
  const start = parseDate(event?.start, dates);
  if (!event || !start) return undefined;
  const out: EventInfo = { start };
  const end = parseDate(event.end, dates);
  if (end && end >= start) out.end = end;
  const place = normalizeText(event.place, 300);
  if (place) out.place = place;
  return out;
}

/** Enclosures with absolute http(s) URLs, deduplicated by URL, at most 20. */
export function normalizeEnclosures(values: DraftItem['enclosures'], base?: string): Enclosure[] | undefined {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const value of values ?? []) {
    const url = resolveUrl(value.url, base);
    if (!url || seen.has(url) || out.length === 20) continue;
    seen.add(url);
    const enclosure: Enclosure = { url };
    const type = collapseWhitespace(value.type ?? '').slice(0, 100);
    if (type) enclosure.type = type;
    const length = Number(value.length);
    if (value.length !== undefined && value.length !== '' && Number.isInteger(length) && length >= 0)
      enclosure.length = length;
    const title = normalizeText(value.title, 300);
    if (title) enclosure.title = title;
    out.push(enclosure);
  }
  return out.length ? out : undefined;
}

/** The item image: first image given, else first image enclosure, else first <img> of the content. */
export function pickImage(
  draft: DraftItem,
  enclosures: Enclosure[] | undefined,
  content: string | undefined,
  base?: string,
): Image | undefined {
  for (const candidate of draft.images ?? []) {
    const url = resolveUrl(candidate.url, base);
    if (url) return withOptionalText({ url }, candidate.alt, candidate.type);
  }
  const enclosure = enclosures?.find((e) => (e.type ? e.type.startsWith('image/') : IMAGE_EXTENSION.test(e.url)));
  if (enclosure) return withOptionalText({ url: enclosure.url }, undefined, enclosure.type);
  const inline = content ? findFirstImage(content) : undefined;
  return inline ? withOptionalText({ url: inline.url }, inline.alt) : undefined;
}

function withOptionalText(image: Image, alt?: string, type?: string): Image {
  const altText = normalizeText(alt, 300);
  if (altText) image.alt = altText;
  const typeText = collapseWhitespace(type ?? '').slice(0, 100);
  if (typeText) image.type = typeText;
  return image;
}
