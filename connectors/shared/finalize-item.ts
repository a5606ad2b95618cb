/**
 * From a kind's DraftItem to a valid ItemInput: one normalization for every kind, then the
 * schema check. An entry that does not make it is rejected with its reason; others go on.
 */
import { validateAgainst, type ItemInput, type Territory } from '../../schemas/index.js';
import { parseDate } from './dates.js';
import { deriveItemId, hashValue, sha256Hex } from './hash.js';
import {
  normalizeAudience,
  normalizeCategories,
  normalizeEnclosures,
  normalizeEvent,
  normalizeKeywords,
  normalizeLanguage,
  normalizeLinks,
  normalizeText,
  normalizeTopics,
  normalizeType,
  pickImage,
} from './item-fields.js';
import { reportProgress } from './progress.js';
import { sanitizeContent } from './sanitize.js';
import { normalizeLocalOffices, normalizeServiceFacts } from './service-fields.js';
import { deriveTitle, htmlToText, truncateAtWord } from '../text/index.js';
import type { ConnectorSource, DraftItem, FinalizeOptions, MappedItems, Rejection } from './types.js';
import { canonicalizeUrl } from './urls.js';

const MAX_CONTENT = 500_000;
const DEFAULT_TERRITORY: Territory = { scope: 'nc' };

type Outcome = { item: ItemInput } | { rejection: Rejection };

/** Finalizes every draft; duplicates of an id already yielded in this run are rejected. */
export function finalizeItems(
  drafts: readonly DraftItem[],
  source: ConnectorSource,
  options: FinalizeOptions = {},
): MappedItems {
  const result: MappedItems = { items: [], rejected: [] };
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const outcome = finalizeItem(draft, source, options, index);
    reportProgress();
    if ('rejection' in outcome) return void result.rejected.push(outcome.rejection);
    if (seen.has(outcome.item.id)) {
      return void result.rejected.push({ index, guid: outcome.item.guid, reason: 'duplicate guid in this run' });
    }
    seen.add(outcome.item.id);
    result.items.push(outcome.item);
  });
  return result;
}

/** Finalizes one draft into a schema-valid ItemInput, or says why it cannot be. */
export function finalizeItem(
  draft: DraftItem,
  source: ConnectorSource,
  options: FinalizeOptions = {},
  index?: number,
): Outcome {
  const reject = (reason: string, guid = draft.guid?.trim() || undefined): Outcome => ({
    rejection: dropUndefined({ index, guid, reason, entry: describeEntry(draft) }),
  });
  const url = canonicalizeUrl(draft.url, draft.base ?? source.url);
  if (!url) return reject(draft.url ? `url: not an http(s) URL: ${draft.url.slice(0, 200)}` : 'url: missing');
  const title = truncateAtWord(htmlToText(draft.title ?? ''), 500) || titleFromText(draft);
  if (!title) return reject('title: missing, and no text to derive one from', draft.guid?.trim() || url);
  const item = buildItem(draft, source, options, url, title);
  const errors = validateAgainst('ItemInput', item);
  if (errors.length) return reject(errors.map((e) => `${e.field}: ${e.message}`).join('; '), item.guid);
  return { item };
}

/**
 * An item without a title (a social-network post, an API item with only a text) is titled
 * by its first sentence, from the summary, else the content.
 */
function titleFromText(draft: DraftItem): string {
  return deriveTitle(draft.summary ?? '') || deriveTitle(draft.content ?? '');
}

function buildItem(
  draft: DraftItem,
  source: ConnectorSource,
  options: FinalizeOptions,
  url: string,
  title: string,
): ItemInput {
  const content = normalizeContent(draft.content, draft.contentBase ?? url);
  const summarySource = draft.summary !== undefined && htmlToText(draft.summary) ? draft.summary : content;
  const guid = pickGuid(draft.guid, url, title, content);
  const enclosures = normalizeEnclosures(draft.enclosures, draft.base ?? source.url);
  const dates = { formats: options.dateFormats ?? [] };
  const event = normalizeEvent(draft.event, dates);
  const fields = {
    id: deriveItemId(source.id, guid),
    partnerId: source.partnerId,
    sourceId: source.id,
    guid,
    url,
    title,
    summary: summarySource === undefined ? undefined : normalizeText(summarySource, 300),
    content,
    ...pickClassification(draft, source, options, event !== undefined),
    categories: normalizeCategories(draft.categories),
    keywords: normalizeKeywords(draft.keywords),
    localOffices: normalizeLocalOffices(draft.localOffices),
    serviceFacts: normalizeServiceFacts(draft.serviceFacts),
    links: normalizeLinks(draft.links, draft.contentBase ?? url),
    author: normalizeText(draft.author, 200),
    publishedAt: parseDate(draft.publishedAt, dates),
    updatedAt: parseDate(draft.updatedAt, dates),
    event,
    image: pickImage(draft, enclosures, content, draft.base ?? source.url),
    enclosures,
  };
  const item = dropUndefined(fields) as Omit<ItemInput, 'contentHash'>;
  // The hash covers what readers see, never when we fetched it: an unchanged item hashes the same.
  const { id: _id, ...hashed } = item;
  return { ...item, contentHash: hashValue(hashed) };
}

/** type/topics/audience/territory/language: constants, then the item's own, then source defaults. */
function pickClassification(draft: DraftItem, source: ConnectorSource, options: FinalizeOptions, isEvent: boolean) {
  const constants = options.constants ?? {};
  const defaults = source.defaults ?? {};
  const own = { topics: normalizeTopics(draft.topics), audience: normalizeAudience(draft.audience) };
  return {
    type: constants.type ?? normalizeType(draft.type) ?? (isEvent ? 'event' : undefined) ?? defaults.type ?? 'news',
    topics: constants.topics ?? (own.topics.length ? own.topics : (defaults.topics ?? [])),
    audience: constants.audience ?? (own.audience.length ? own.audience : (defaults.audience ?? [])),
    territory: constants.territory ?? draft.territory ?? defaults.territory ?? DEFAULT_TERRITORY,
    language: constants.language ?? normalizeLanguage(draft.language) ?? defaults.language ?? 'fr',
  };
}

function normalizeContent(html: string | undefined, base: string): string | undefined {
  if (!html) return undefined;
  const clean = sanitizeContent(html, base);
  // Cutting HTML would break its structure; an oversized body is dropped, the item kept.
  return clean && clean.length <= MAX_CONTENT ? clean : undefined;
}

/** guid, else the canonical link, else a hash of what the item says. */
function pickGuid(guid: string | undefined, url: string, title: string, content: string | undefined): string {
  const own = guid?.trim();
  if (own) return own.length <= 2048 ? own : `sha256:${sha256Hex(own)}`;
  if (url.length <= 2048) return url;
  return `sha256:${sha256Hex(`${title}\n${content ?? ''}`)}`;
}

const ENTRY_MAX = 2000;

/** The rejected entry as JSON for an agent to read: the raw one when the kind kept it, else the draft. */
function describeEntry(draft: DraftItem): string | undefined {
  try {
    const { raw, ...rest } = draft;
    const text = JSON.stringify(raw ?? rest, null, 2);
    return text.length > ENTRY_MAX ? `${text.slice(0, ENTRY_MAX - 1)}…` : text;
  } catch {
    return undefined;
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
