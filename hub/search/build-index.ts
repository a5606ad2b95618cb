/** Builds a search index from stored items: pure, no database. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createBuilder, lunr } from './analysis/index.js';
import {
  getExcerpt,
  getFacetValues,
  getItemDate,
  getPartner,
  getSearchableText,
  SUMMARY_LIMIT,
  type SearchableText,
} from './internal/document-fields.js';
import { addFacetValues, createFacetIndex } from './internal/facets.js';
import { collectAnchors } from './internal/links.js';
import { collectQuestionParents } from './internal/question-order.js';
import { relayedDocs, storeRelayedDoc, type RelayedDoc } from './internal/relay.js';
import { PostingsBuilder, type CorpusStats } from './internal/postings-builder.js';
import type { Postings } from './internal/postings.js';
import { truncateText } from './internal/html-text.js';
import { FACET_NAMES, type DocStore, type IndexableItem, type PartnerMap, type SearchIndex } from './types.js';
import { VocabularyBuilder } from './internal/vocabulary-builder.js';

/**
 * Field boosts: a word in the title weighs ten times a word in the body. `keywords` (the
 * source's citizens' wording: questions answered, related titles, sigles) and `anchors` (how
 * the other items' links name this one, internal/links.ts) weigh less than the title and the
 * summary.
 */
export const FIELD_BOOSTS = { title: 10, summary: 4, meta: 3, keywords: 3, anchors: 3, body: 1 } as const;

/** Newest first (undated last), ties by id so builds are reproducible. */
function byIndexOrder(a: { item: IndexableItem; date: number }, b: { item: IndexableItem; date: number }): number {
  const da = Number.isNaN(a.date) ? -Infinity : a.date;
  const db = Number.isNaN(b.date) ? -Infinity : b.date;
  return db - da || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

/** Published items, newest first (undated last), ties by id so builds are reproducible. */
export function sortForIndex(items: readonly IndexableItem[]): { item: IndexableItem; date: number }[] {
  const dated = items.filter((item) => item.status !== 'withdrawn').map((item) => ({ item, date: getItemDate(item) }));
  return dated.sort(byIndexOrder);
}

/** Options of a build: `corpus` (documents indexed elsewhere that the idf must count), `relay`. */
export interface BuildOptions {
  corpus?: CorpusStats;
  /**
   * Documents of a full index to index again with their partner's current fields, from
   * what that index holds (a partner edit: internal/relay.ts); ids it lacks are skipped.
   */
  relay?: { base: SearchIndex; ids: readonly string[] };
}

function createDocStore(size: number): DocStore {
  return {
    ids: [],
    titles: [],
    summaries: [],
    excerpts: [],
    urls: [],
    partnerIds: [],
    types: [],
    topics: [],
    dates: new Float64Array(size),
    images: [],
    events: [],
    alsoPublished: [],
    categories: [],
    territories: [],
    askedBy: [],
    likes: new Uint32Array(size),
    comments: new Uint32Array(size),
  };
}

function storeDoc(docs: DocStore, doc: number, item: IndexableItem, date: number, text: SearchableText): void {
  docs.ids.push(item.id);
  docs.titles.push(item.title);
  docs.summaries.push(truncateText(text.summary, SUMMARY_LIMIT));
  docs.excerpts.push(getExcerpt(text.body));
  docs.urls.push(item.url);
  docs.partnerIds.push(item.partnerId);
  docs.types.push(item.type);
  docs.topics.push(item.topics ?? []);
  docs.dates[doc] = date;
  docs.images.push(item.image ?? null);
  docs.events.push(item.event ?? null);
  docs.alsoPublished.push(item.alsoPublished?.length ? item.alsoPublished : null);
  docs.categories.push(item.categories?.length ? item.categories : null);
  docs.territories.push(item.territory ?? null);
  docs.likes[doc] = item.stats?.likes ?? 0;
  docs.comments[doc] = item.stats?.comments ?? 0;
}

const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

/** A lunr builder with our analysis, ref and boosted fields. */
export function createFieldBuilder(onWord?: (surface: string, folded: string) => void): lunr.Builder {
  const builder = createBuilder(onWord);
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  return builder;
}

/** The link blocks of an item (« Voir aussi », questions…) that may name other indexed pages. */
function linkedPages(item: IndexableItem): { title: string; url: string }[] {
  const { seeAlso = [], questions = [], moreInfo = [] } = item.links ?? {};
  return [...seeAlso, ...questions, ...moreInfo];
}

/**
 * Builds the compact postings, doc store, facet bitsets and vocabulary of the published
 * items; `corpus`: documents indexed elsewhere that the idf must count (search-layered.ts).
 */
export function buildSearchIndex(
  items: readonly IndexableItem[],
  partners: PartnerMap,
  options: BuildOptions = {},
): SearchIndex {
  const steps = indexSteps(items, partners, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same build on the main thread without holding it: a turn of the event loop after
 * every ~10 ms of indexing (the changes laid over the full index are built here, and 1,000
 * rich fiches take seconds on a loaded machine).
 */
export async function buildSearchIndexInSlices(
  items: readonly IndexableItem[],
  partners: PartnerMap,
  options: BuildOptions = {},
): Promise<SearchIndex> {
  const steps = indexSteps(items, partners, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

const SLICE_MS = 10;

/** The build, one document a step. */
function* indexSteps(
  items: readonly IndexableItem[],
  partners: PartnerMap,
  options: BuildOptions,
): Generator<void, SearchIndex> {
  const sorted: { item: IndexableItem; date: number; relayed?: RelayedDoc }[] = sortForIndex(items);
  if (options.relay?.ids.length) {
    for (const relayed of relayedDocs(options.relay.base, options.relay.ids))
      sorted.push({ item: relayed.item, date: relayed.date, relayed });
    sorted.sort(byIndexOrder);
  }
  const size = sorted.length;
  const vocabulary = new VocabularyBuilder();
  const postings = new PostingsBuilder(
    createFieldBuilder((surface, folded) => vocabulary.add(surface, folded)),
    FIELDS,
    FIELDS.map((f) => FIELD_BOOSTS[f]),
    options.corpus,
  );
  const docs = createDocStore(size);
  const facets = createFacetIndex();
  const anchors = collectAnchors(
    sorted.map(({ item }) => item.url),
    sorted.map(({ item }) => item.content),
    sorted.map(({ item }) => linkedPages(item)),
  );
  const askedBy = collectQuestionParents(
    sorted.map(({ item }) => item.url),
    sorted.map(({ item }) => item.links?.questions ?? []),
  );
  for (const [doc, { item, date, relayed }] of sorted.entries()) {
    const partner = getPartner(partners, item.partnerId);
    const values = getFacetValues(item, partner);
    const text = getSearchableText(item, partner, values.commune, anchors[doc]!);
    anchors[doc] = [];
    if (relayed) {
      // Only `meta` is analysed: the other fields keep the full build's entries.
      postings.add({ meta: text.meta }, relayed.fixed);
      storeRelayedDoc(docs, doc, relayed);
    } else {
      postings.add(text);
      storeDoc(docs, doc, item, date, text);
    }
    docs.askedBy![doc] = askedBy[doc]!;
    for (const name of FACET_NAMES) addFacetValues(facets, size, doc, name, values[name]);
    yield;
  }
  return assembleIndex(postings.finish(), docs, facets, vocabulary.finish(), new Date().toISOString());
}

/** Puts the parts of an index together (used by build and load). */
export function assembleIndex(
  postings: Postings,
  docs: DocStore,
  facets: SearchIndex['facets'],
  vocabulary: SearchIndex['vocabulary'],
  builtAt: string,
): SearchIndex {
  const docById = new Map(docs.ids.map((id, doc) => [id, doc]));
  return {
    postings,
    docs,
    facets,
    vocabulary,
    size: docs.ids.length,
    builtAt,
    docById,
  };
}
