/**
 * Changes laid over a full index until the next full build (hub/catalog/search-runtime.ts):
 * a small "delta" index of the changed items that are published now, and the documents of
 * the full index those changes replace ("shadowed": changed or withdrawn since the full
 * index was built). A search runs on both — the shadowed documents masked out of the full
 * index — and merges: totals and facet counts add up, and pages are merged in the order one
 * index would give (by date: newest first, then id; by relevance: required words matched
 * unless the plan is lenient, score, then newest), each layer giving its best
 * `offset + limit` candidates.
 *
 * Ranking across the two (their statistics differ: a word is rare or common in the whole
 * corpus, not in a delta of a few items):
 * - the delta's BM25 weights use the statistics of both together: the idf from its documents
 *   plus the full index's and each term's document count in both, the field-length
 *   normalisation from the average lengths over both (PostingsBuilder's `corpus`; a full
 *   index stored before the averages were kept leaves the delta's own). The shadowed
 *   documents are taken out of the counts (their postings are walked for each of the
 *   delta's words); their field lengths stay in the full index's averages.
 * - a query's magnitude counts every word either layer holds (`alsoKnown` in runQuery), as
 *   one index of both would;
 * - "documents matching every word, else any word" is decided over both layers.
 * What still differs from a full build, until it comes: prefix and typo expansions come from each layer's own words, and links
 * between items (`anchors`) are read within each layer.
 */
import { buildSearchIndex, buildSearchIndexInSlices } from './build-index.js';
import type { CorpusStats } from './internal/postings-builder.js';
import { countBits, createBitset, createRangeBitset, hasBit, setBit, type Bitset } from './internal/bitset.js';
import { correctQuery } from './internal/did-you-mean.js';
import { countTermEntries, findTerm } from './internal/postings.js';
import { mergeVocabularies } from './internal/vocabulary.js';
import { createMatcher } from './internal/snippet.js';
import { DID_YOU_MEAN_BELOW, matchIndex, pageWindow, selectPage, toHit, type IndexMatches } from './search-items.js';
import { MAX_SUGGESTIONS, suggest, type SuggestResult } from './suggest.js';
import type { Thesaurus } from './thesaurus/index.js';
import {
  FACET_NAMES,
  type FacetCounts,
  type IndexableItem,
  type PartnerMap,
  type SearchIndex,
  type SearchParams,
  type SearchResult,
} from './types.js';

/** Changes laid over one full index (they mean nothing over another). */
export interface Overlay {
  /** The changed items published now, in their current version. */
  readonly delta: SearchIndex;
  /** Documents of the full index that changed since it was built. */
  readonly shadow: Bitset;
  /** Number of items changed (published now or not). */
  readonly changed: number;
}

/**
 * Indexes the changed items (`items`: those published now) over `base`; `relayIds`: documents
 * of `base` to index again with their partner's current fields, from what `base` holds (a
 * partner edit, internal/relay.ts). `changedIds` must list them too (they are shadowed).
 */
export function buildOverlay(
  base: SearchIndex,
  items: readonly IndexableItem[],
  changedIds: Iterable<string>,
  partners: PartnerMap,
  relayIds: readonly string[] = [],
): Overlay {
  const { shadow, changed, corpus } = shadowOf(base, changedIds);
  const delta = buildSearchIndex(items, partners, { corpus, relay: { base, ids: relayIds } });
  return { delta: withWordsOf(base, delta, relayIds), shadow, changed };
}

/** The same, built in slices that give the event loop a turn (a catch-up on the main thread). */
export async function buildOverlayInSlices(
  base: SearchIndex,
  items: readonly IndexableItem[],
  changedIds: Iterable<string>,
  partners: PartnerMap,
  relayIds: readonly string[] = [],
): Promise<Overlay> {
  const { shadow, changed, corpus } = shadowOf(base, changedIds);
  const delta = await buildSearchIndexInSlices(items, partners, { corpus, relay: { base, ids: relayIds } });
  return { delta: withWordsOf(base, delta, relayIds), shadow, changed };
}

/**
 * A delta holding documents indexed again from `base` expands prefixes and typos over the
 * words of both: those documents' words (other than their partner's) are in `base`'s
 * vocabulary only, and a citizen typing `constru…` must still find them.
 */
function withWordsOf(base: SearchIndex, delta: SearchIndex, relayIds: readonly string[]): SearchIndex {
  if (relayIds.length === 0 || delta.size === 0) return delta;
  return { ...delta, vocabulary: mergeVocabularies(base.vocabulary, delta.vocabulary) };
}

/** The documents of `base` the changes replace, and the corpus statistics the delta ranks with. */
function shadowOf(
  base: SearchIndex,
  changedIds: Iterable<string>,
): { shadow: Bitset; changed: number; corpus: CorpusStats } {
  const shadow = createBitset(base.size);
  let changed = 0;
  let shadowed = 0;
  for (const id of changedIds) {
    changed++;
    const doc = base.docById.get(id);
    if (doc !== undefined && !hasBit(shadow, doc)) {
      setBit(shadow, doc);
      shadowed++;
    }
  }
  const corpus: CorpusStats = {
    documents: base.size - shadowed,
    documentsWithTerm: (term) => countTermEntries(base.postings, term, shadowed > 0 ? shadow : undefined),
    ...(base.postings.averageFieldLengths ? { averageFieldLengths: base.postings.averageFieldLengths } : {}),
  };
  return { shadow, changed, corpus };
}

interface Candidate {
  index: SearchIndex;
  doc: number;
  score: number;
  covered: number;
  date: number;
  isMatch: ((folded: string) => boolean) | null;
}

/** The order of one index: by date (newest, then id) or by rank (groups matched, score, then date). */
function compare(a: Candidate, b: Candidate, byDate: boolean, soft: boolean): number {
  if (!byDate) {
    if (!soft && a.covered !== b.covered) return b.covered - a.covered;
    if (a.score !== b.score) return b.score - a.score;
  }
  const da = Number.isNaN(a.date) ? -Infinity : a.date;
  const db = Number.isNaN(b.date) ? -Infinity : b.date;
  if (da !== db) return da > db ? -1 : 1;
  const ia = a.index.docs.ids[a.doc]!;
  const ib = b.index.docs.ids[b.doc]!;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Facet counts of both layers added up, largest first (as one index orders them). */
function mergeCounts(parts: FacetCounts[]): FacetCounts {
  const out = {} as FacetCounts;
  for (const name of FACET_NAMES) {
    const sums = new Map<string, number>();
    for (const part of parts)
      for (const [value, n] of Object.entries(part[name])) sums.set(value, (sums.get(value) ?? 0) + n);
    const entries = [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out[name] = Object.fromEntries(entries);
  }
  return out;
}

function runLayered(base: SearchIndex, overlay: Overlay, params: SearchParams, thesaurus: Thesaurus): SearchResult {
  const { page, limit, offset, take } = pageWindow(params);
  const { delta, shadow } = overlay;
  const layers: { index: SearchIndex; m: IndexMatches }[] = [
    {
      index: base,
      m: matchIndex(base, params, thesaurus, { exclude: shadow, alsoKnown: (t) => findTerm(delta.postings, t) >= 0 }),
    },
    { index: delta, m: matchIndex(delta, params, thesaurus, { alsoKnown: (t) => findTerm(base.postings, t) >= 0 }) },
  ];
  // One index falls back to "any word" only when no document matches every word: when one
  // layer has such documents, the other's fallback matches go (a full build would list them
  // only above its 10th best full match; they are left out).
  if (layers.some((l) => l.m.found?.matchedAll))
    for (const layer of layers)
      if (layer.m.found && !layer.m.found.matchedAll && layer.m.found.docs.length > 0) {
        const size = layer.index.size;
        layer.m = matchIndex(layer.index, params, thesaurus, { exclude: createRangeBitset(size, 0, size) });
      }
  const byDate = !params.q?.trim() || params.sort === 'date';
  const soft = layers.some((l) => l.m.found?.soft === true);
  const candidates = layers.flatMap(({ index, m }): Candidate[] => {
    const { docs, scores, covered } = selectPage(m.matches, m.found, byDate, 0, offset + take);
    const isMatch = m.plan ? createMatcher(m.plan) : null;
    return docs.map((doc, i) => ({
      index,
      doc,
      score: scores[i] ?? 0,
      covered: covered[i] ?? 0,
      date: index.docs.dates[doc]!,
      isMatch,
    }));
  });
  candidates.sort((a, b) => compare(a, b, byDate, soft));
  const items = candidates.slice(offset, offset + take).map((c) => toHit(c.index, c.doc, c.score, c.isMatch));
  const total = layers.reduce((n, l) => n + countBits(l.m.matches), 0);
  return { total, page, limit, items, facets: mergeCounts(layers.map((l) => l.m.counts)) };
}

/** searchItems over a full index and the changes laid over it. */
export function searchLayered(
  base: SearchIndex,
  overlay: Overlay,
  params: SearchParams,
  thesaurus: Thesaurus,
): SearchResult {
  const result = runLayered(base, overlay, params, thesaurus);
  if (params.q?.trim() && result.total < DID_YOU_MEAN_BELOW) {
    const corrected =
      correctQuery(base.vocabulary, params.q) ??
      (overlay.delta.size > 0 ? correctQuery(overlay.delta.vocabulary, params.q) : null);
    const found = corrected ? runLayered(base, overlay, { ...params, q: corrected, limit: 1 }, thesaurus).total : 0;
    if (corrected && found > 0 && found >= result.total) result.didYouMean = corrected;
  }
  return result;
}

/** suggest over a full index and the changes laid over it: new titles first, shadowed ones left out. */
export function suggestLayered(base: SearchIndex, overlay: Overlay, q: string, limit = 8): SuggestResult {
  const n = Math.min(MAX_SUGGESTIONS, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 8)));
  const fromBase = suggest(base, q, MAX_SUGGESTIONS);
  const fromDelta = overlay.delta.size > 0 ? suggest(overlay.delta, q, n) : { terms: [], titles: [] };
  const kept = fromBase.titles.filter((t) => {
    const doc = base.docById.get(t.id);
    return doc === undefined || !hasBit(overlay.shadow, doc);
  });
  const words = new Set(fromBase.terms.map((t) => t.text));
  return {
    terms: [...fromBase.terms.slice(0, n), ...fromDelta.terms.filter((t) => !words.has(t.text))].slice(0, n),
    titles: [...fromDelta.titles, ...kept].slice(0, n),
  };
}
