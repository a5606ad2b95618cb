/** Feed entries to ItemInputs (pure). */
import {
  type MapResult,
  type StageContext,
  finalizeItems,
  type DraftItem,
  resolveBase,
  takeEntries,
} from '../shared/index.js';
import { attrsOf, listOf, textOf } from './entry-nodes.js';
import { collectCategories, collectEnclosures, collectImages } from './media.js';
import type { ParsedFeed, RawFeedEntry } from './parse.js';

/**
 * Maps every entry (up to ctx.maxItems, the first ones in the feed's order); those without
 * a title or a usable link are rejected with their reason.
 */
export function mapFeed(feed: ParsedFeed, ctx: StageContext): MapResult {
  const feedBase = resolveBase([feed.url, feed.xmlBase]);
  const { taken, omitted } = takeEntries(feed.entries, ctx.maxItems);
  const drafts = taken.map((entry) => toDraft(entry, feedBase, feed));
  const result: MapResult = { ...finalizeItems(drafts, ctx.source), complete: ctx.source.complete ?? false };
  if (feed.ttlSeconds !== undefined) result.ttlSeconds = feed.ttlSeconds;
  if (omitted) Object.assign(result, { omitted, complete: false });
  return result;
}

function toDraft(entry: RawFeedEntry, feedBase: string | undefined, feed: ParsedFeed): DraftItem {
  const entryXmlBase = attrsOf({ $: entry.attrs })['xml:base'];
  const entryBase = resolveBase([feedBase, entryXmlBase]);
  const link = pickLink(entry);
  const encoded = textOf(entry['content:encoded']);
  return {
    guid: textOf(entry.id) ?? textOf(entry.guid) ?? attrsOf({ $: entry.attrs })['rdf:about'],
    url: link.href ?? permalinkGuid(entry),
    base: resolveBase([entryBase, link.xmlBase]),
    contentBase: contentBaseOf(entry, entryBase, Boolean(feed.xmlBase || entryXmlBase)),
    title: textOf(entry.title),
    content: encoded ?? textOf(entry.content) ?? textOf(entry.summary),
    summary: textOf(entry.summary) ?? (encoded ? textOf(entry.content) : undefined),
    author: textOf(entry.creator) ?? textOf(entry.author),
    categories: collectCategories(entry),
    language: textOf(entry.language) ?? feed.language,
    // Atom requires <updated> only: without <published>, it is the best publication date there is.
    publishedAt: textOf(entry.published) ?? textOf(entry.pubDate) ?? textOf(entry.date) ?? textOf(entry.updated),
    updatedAt: textOf(entry.updated) ?? textOf(entry.atomUpdated) ?? textOf(entry.dctermsModified),
    event: { start: textOf(entry.eventStart), end: textOf(entry.eventEnd), place: textOf(entry.eventLocation) },
    enclosures: collectEnclosures(entry),
    images: collectImages(entry),
    raw: entry,
  };
}

/** Atom: the alternate link (or one without rel); RSS: the <link> text. */
function pickLink(entry: RawFeedEntry): { href?: string; xmlBase?: string } {
  const links = listOf(entry.links);
  const atom = links.map(attrsOf).filter((a) => a.href);
  const alternate = atom.find((a) => a.rel === 'alternate') ?? atom.find((a) => !a.rel);
  if (alternate) return { href: alternate.href, xmlBase: alternate['xml:base'] };
  if (atom.length) return {};
  const text = links.map(textOf).find((t) => t?.trim());
  return text ? { href: text.trim() } : {};
}

/** RSS 2.0 §guid: a guid is the item's permalink unless isPermaLink="false". */
function permalinkGuid(entry: RawFeedEntry): string | undefined {
  const raw = listOf(entry.rawGuid)[0];
  if (attrsOf(raw).isPermaLink === 'false') return undefined;
  const guid = textOf(raw);
  return guid && /^https?:\/\//i.test(guid.trim()) ? guid.trim() : undefined;
}

/**
 * Relative links in content resolve against the xml:base in scope (RFC 4287 §2, content's
 * own, then entry's, then feed's); without any, against the item URL (undefined here).
 */
function contentBaseOf(entry: RawFeedEntry, entryBase: string | undefined, baseInScope: boolean): string | undefined {
  const contentBase = attrsOf(listOf(entry.atomContent)[0])['xml:base'];
  if (contentBase) return resolveBase([entryBase, contentBase]);
  return baseInScope ? entryBase : undefined;
}
