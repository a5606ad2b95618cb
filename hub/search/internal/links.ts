/**
 * How the indexed items name each other: the texts of the links pointing to an item
 * (« contrat de location (bail) », « dépôt de garantie ») become that item's `anchors` field,
 * as web search engines have indexed anchor text since the 1990s. It is often the citizen's
 * or the neighbouring page's wording for a page whose title is the administration's.
 * Only links between indexed items count (an item's link to itself does not).
 */
import { htmlToText } from './html-text.js';

/** Distinct anchor texts kept per item: a much-linked page's anchors repeat. */
export const MAX_ANCHORS = 40;
/** Longer link texts are sentences, not names. */
const MAX_ANCHOR_LENGTH = 160;
/** Links are read in the same share of the content that is indexed. */
const LINKS_CONTENT_LIMIT = 40_000;

const LINK = /<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;

/** An address as items are compared: no fragment, no trailing slash, scheme and host in lower case, http as https. */
export function normalizeUrl(url: string): string {
  const bare = url.replace(/&amp;/g, '&').split('#')[0]!.replace(/\/+$/, '');
  const host = /^([a-z][a-z0-9+.-]*:\/\/[^/?]+)/i.exec(bare)?.[1];
  return host ? host.toLowerCase().replace(/^http:/, 'https:') + bare.slice(host.length) : bare;
}

/** A link kept apart from the text (an item's link blocks: « Voir aussi », questions…). */
export interface PlainLink {
  title: string;
  url: string;
}

/**
 * Per document, the distinct texts of the links that the other documents point at its URL
 * with — in their content (HTML) and in their link blocks —, first seen first, at most
 * MAX_ANCHORS.
 */
export function collectAnchors(
  urls: readonly string[],
  contents: readonly (string | undefined)[],
  linkBlocks: readonly (readonly PlainLink[])[] = [],
): string[][] {
  const docOf = new Map<string, number>();
  urls.forEach((url, doc) => {
    if (url) docOf.set(normalizeUrl(url), doc);
  });
  const anchors: string[][] = urls.map(() => []);
  const seen: Set<string>[] = urls.map(() => new Set());
  contents.forEach((html, from) => {
    if (!html || !html.includes('href')) return;
    for (const [, href = '', inner = ''] of html.slice(0, LINKS_CONTENT_LIMIT).matchAll(LINK)) {
      const to = docOf.get(normalizeUrl(href));
      if (to !== undefined && to !== from) addAnchor(anchors[to]!, seen[to]!, inner);
    }
  });
  linkBlocks.forEach((links, from) => {
    for (const { title, url } of links) {
      const to = docOf.get(normalizeUrl(url));
      if (to !== undefined && to !== from) addAnchor(anchors[to]!, seen[to]!, escapeText(title));
    }
  });
  return anchors;
}

/** addAnchor reads HTML: a plain title is escaped to read back as itself. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function addAnchor(list: string[], seen: Set<string>, innerHtml: string): void {
  if (list.length >= MAX_ANCHORS) return;
  const text = htmlToText(innerHtml);
  const key = text.toLowerCase();
  if (!text || text.length > MAX_ANCHOR_LENGTH || /^https?:/.test(key) || seen.has(key)) return;
  seen.add(key);
  list.push(text);
}
