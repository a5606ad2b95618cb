/** What one item contributes to the index: searchable text, facet values, stored columns. */
import { getCommuneName, getCommuneProvince } from './communes.js';
import { htmlToText, truncateText } from './html-text.js';
import type { FacetName, IndexableItem, PartnerInfo, PartnerMap } from '../types.js';

/** Indexed content is cut here: beyond it, long pages only add weight to the index. */
export const INDEXED_CONTENT_LIMIT = 20_000;
/** Content kept in memory for snippets (the summary comes first). */
export const EXCERPT_LIMIT = 400;
export const SUMMARY_LIMIT = 400;
/** Commune names are added to the searchable text only for items about a few places. */
const MAX_NAMED_COMMUNES = 3;

export interface SearchableText {
  title: string;
  summary: string;
  body: string;
  /** Partner name, topics, categories and place names. */
  meta: string;
  /** The source's citizens' wording (questions, related titles, sigles). */
  keywords: string;
  /** The texts of other items' links to this one (internal/links.ts). */
  anchors: string;
}

/** Looks a partner up in a Map or a plain object. */
export function getPartner(partners: PartnerMap, id: string): PartnerInfo | undefined {
  if (partners instanceof Map) return partners.get(id);
  return Object.prototype.hasOwnProperty.call(partners, id) ? (partners as Record<string, PartnerInfo>)[id] : undefined;
}

/** The item's date for ordering and date filters: published, else updated, else first seen. */
export function getItemDate(item: IndexableItem): number {
  const raw = item.publishedAt ?? item.updatedAt ?? item.firstSeenAt;
  const ms = raw ? Date.parse(raw) : NaN;
  return Number.isFinite(ms) ? ms : NaN;
}

/** Commune codes the item is about: its territory's, plus its partner's own commune. */
export function getItemCommunes(item: IndexableItem, partner: PartnerInfo | undefined): string[] {
  const codes = new Set(item.territory?.communes ?? []);
  if (partner?.communeCode) codes.add(partner.communeCode);
  return [...codes];
}

/** Provinces the item is about: its territory's, its communes', its partner's. */
export function getItemProvinces(item: IndexableItem, partner: PartnerInfo | undefined, communes: string[]): string[] {
  const provinces = new Set<string>();
  if (item.territory?.province) provinces.add(item.territory.province);
  for (const code of communes) {
    const province = getCommuneProvince(code);
    if (province) provinces.add(province);
  }
  if (partner?.province) provinces.add(partner.province);
  return [...provinces];
}

/** The searchable text of an item, HTML stripped. */
export function getSearchableText(
  item: IndexableItem,
  partner: PartnerInfo | undefined,
  communes: string[],
  anchors: readonly string[] = [],
): SearchableText {
  const places = communes.length <= MAX_NAMED_COMMUNES ? communes.map((c) => getCommuneName(c) ?? '') : [];
  const meta = [partner?.name, partner?.shortName, ...(item.topics ?? []), ...(item.categories ?? []), ...places];
  const body = item.content ? htmlToText(item.content.slice(0, INDEXED_CONTENT_LIMIT * 2)) : '';
  return {
    title: item.title ?? '',
    summary: item.summary ?? '',
    body: body.slice(0, INDEXED_CONTENT_LIMIT),
    meta: meta.filter(Boolean).join(' · '),
    keywords: (item.keywords ?? []).join(' · '),
    anchors: anchors.join(' · '),
  };
}

/** The facet values of an item. */
export function getFacetValues(item: IndexableItem, partner: PartnerInfo | undefined): Record<FacetName, string[]> {
  const commune = getItemCommunes(item, partner);
  return {
    // An open lab's item is every co-author's, and a story's representative every member
    // partner's: their filters, feeds and widgets find it.
    partner: [
      ...new Set([item.partnerId, ...(item.coAuthors ?? []), ...(item.alsoPublished ?? []).map((m) => m.partnerId)]),
    ],
    partnerKind: partner?.kind ? [partner.kind] : [],
    type: [item.type],
    topic: [...new Set(item.topics ?? [])],
    audience: [...new Set(item.audience ?? [])],
    commune,
    province: getItemProvinces(item, partner, commune),
  };
}

/** The stored excerpt: the start of the plain-text body. */
export function getExcerpt(body: string): string {
  return truncateText(body, EXCERPT_LIMIT);
}
