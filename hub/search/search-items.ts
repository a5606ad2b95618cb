/**
 * Search and listing over a loaded index: query → date range → facet filters → facet
 * counts → sort → page → hits with snippets. Synchronous, so a search runs start to end on
 * the index it was handed, whatever swaps happen meanwhile.
 */
import {
  andNotInto,
  countBits,
  createBitset,
  createRangeBitset,
  forEachBit,
  hasBit,
  setBit,
  type Bitset,
} from './internal/bitset.js';
import { correctQuery } from './internal/did-you-mean.js';
import { countFacets, unionOfValues, type ActiveFilter } from './internal/facets.js';
import { planQuery, type QueryPlan } from './internal/query-plan.js';
import { orderQuestions } from './internal/question-order.js';
import { runQuery, topMatches, type QueryMatches } from './internal/run-query.js';
import { createMatcher, makeSnippet } from './internal/snippet.js';
import { createThesaurus, type Thesaurus } from './thesaurus/index.js';
import {
  FACET_NAMES,
  type FacetName,
  type SearchHit,
  type SearchIndex,
  type SearchParams,
  type SearchResult,
} from './types.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Deepest result reachable by paging (page × limit). */
export const MAX_WINDOW = 10_000;
/** Below this many results, a corrected query is offered (« Vous vouliez dire … ») when it finds as much or more. */
export const DID_YOU_MEAN_BELOW = 3;

let shippedThesaurus: Thesaurus | undefined;

/** The shipped derivations and synonyms (what searchItems uses unless told otherwise). */
export function getShippedThesaurus(): Thesaurus {
  return (shippedThesaurus ??= createThesaurus());
}

const PARAM_OF: Record<FacetName, keyof SearchParams> = {
  partner: 'partner',
  partnerKind: 'partnerKind',
  type: 'type',
  topic: 'topic',
  audience: 'audience',
  commune: 'commune',
  province: 'province',
};

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** First document whose date is not after `ms` (dates descend; NaN sorts last). */
function firstAtOrBefore(dates: Float64Array, ms: number, strict: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = dates[mid]!;
    const after = Number.isNaN(d) ? false : strict ? d >= ms : d > ms;
    if (after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Documents [lo, hi) dated within [from, to]; undated documents only when neither is set. */
function dateRange(dates: Float64Array, from?: Date, to?: Date): [number, number] {
  if (!from && !to) return [0, dates.length];
  const lo = to ? firstAtOrBefore(dates, to.getTime(), false) : 0;
  let hi = from ? firstAtOrBefore(dates, from.getTime(), true) : dates.length;
  while (hi > lo && Number.isNaN(dates[hi - 1]!)) hi--;
  return [lo, Math.max(lo, hi)];
}

function activeFilters(index: SearchIndex, params: SearchParams): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  for (const name of FACET_NAMES) {
    const values = params[PARAM_OF[name]] as string[] | undefined;
    if (values && values.length > 0)
      filters.push({ name, values, bits: unionOfValues(index.facets, index.size, name, values) });
  }
  return filters;
}

function matchesToBitset(size: number, matches: QueryMatches, lo: number, hi: number): Bitset {
  const bits = createBitset(size);
  for (const doc of matches.docs) if (doc >= lo && doc < hi) setBit(bits, doc);
  return bits;
}

function pageByDate(matches: Bitset, offset: number, limit: number): number[] {
  const out: number[] = [];
  let skipped = 0;
  forEachBit(matches, (doc) => {
    if (skipped++ < offset) return true;
    out.push(doc);
    return out.length < limit;
  });
  return out;
}

export function toHit(
  index: SearchIndex,
  doc: number,
  score: number,
  isMatch: ((folded: string) => boolean) | null,
): SearchHit {
  const d = index.docs;
  const date = d.dates[doc]!;
  // `?.`: an index loaded from before format 7 has no such column.
  const also = d.alsoPublished?.[doc];
  return {
    id: d.ids[doc]!,
    score,
    snippet: makeSnippet([d.summaries[doc]!, d.excerpts[doc]!], isMatch),
    title: d.titles[doc]!,
    ...(d.summaries[doc] ? { summary: d.summaries[doc] } : {}),
    url: d.urls[doc]!,
    partnerId: d.partnerIds[doc]!,
    type: d.types[doc]!,
    topics: d.topics[doc]!,
    ...(Number.isNaN(date) ? {} : { date: new Date(date).toISOString() }),
    ...(d.images[doc] ? { image: d.images[doc]! } : {}),
    ...(d.events[doc] ? { event: d.events[doc]! } : {}),
    stats: { likes: d.likes[doc]!, comments: d.comments[doc]! },
    ...(also ? { alsoPublishedBy: [...new Set(also.map((m) => m.partnerId))], alsoPublished: also } : {}),
  };
}

export interface PageOfDocs {
  docs: number[];
  scores: number[];
  /** Required groups each doc matches (by rank only). */
  covered: number[];
}

/** The docs of one page: by date (ascending doc numbers) or by rank. */
export function selectPage(
  filtered: Bitset,
  found: QueryMatches | null,
  byDate: boolean,
  offset: number,
  take: number,
): PageOfDocs {
  if (!found) return { docs: pageByDate(filtered, offset, take), scores: [], covered: [] };
  if (!byDate) {
    const best = topMatches(found, offset + take, (doc) => hasBit(filtered, doc)).slice(offset);
    return {
      docs: best.map((i) => found.docs[i]!),
      scores: best.map((i) => found.scores[i]!),
      covered: best.map((i) => found.covered[i]!),
    };
  }
  const docs = pageByDate(filtered, offset, take);
  const wanted = new Map(docs.map((doc, i) => [doc, i]));
  const scores: number[] = [];
  found.docs.forEach((doc, i) => {
    const at = wanted.get(doc);
    if (at !== undefined) scores[at] = found.scores[i]!;
  });
  return { docs, scores, covered: [] };
}

/** Searches (or, without q, lists newest first) with filters, facets, sort and paging. */
export function searchItems(
  index: SearchIndex,
  params: SearchParams = {},
  thesaurus: Thesaurus = getShippedThesaurus(),
): SearchResult {
  const result = runSearch(index, params, thesaurus);
  if (params.q?.trim() && result.total < DID_YOU_MEAN_BELOW) {
    const corrected = correctQuery(index.vocabulary, params.q);
    const found = corrected ? runSearch(index, { ...params, q: corrected, limit: 1 }, thesaurus).total : 0;
    // Offered when the corrected words find at least as much (typo matching may already have found it).
    if (corrected && found > 0 && found >= result.total) result.didYouMean = corrected;
  }
  return result;
}

/** One index's part of a search: what the query and filters match, and the facet counts. */
export interface IndexMatches {
  plan: QueryPlan | null;
  found: QueryMatches | null;
  /** Documents matching the query, date range and every filter. */
  matches: Bitset;
  counts: SearchResult['facets'];
}

/**
 * Matches a search on one index. `exclude`: documents to leave out (those a layer laid over
 * this index replaces); `alsoKnown`: words that layer holds (search-layered.ts).
 */
export function matchIndex(
  index: SearchIndex,
  params: SearchParams,
  thesaurus: Thesaurus,
  layer: { exclude?: Bitset; alsoKnown?: (term: string) => boolean } = {},
): IndexMatches {
  const [lo, hi] = dateRange(index.docs.dates, params.from, params.to);
  const plan: QueryPlan | null = params.q?.trim() ? planQuery(index, params.q, { thesaurus, lenient: true }) : null;
  const found = plan ? runQuery(index, plan, undefined, layer.alsoKnown) : null;
  const base = found ? matchesToBitset(index.size, found, lo, hi) : createRangeBitset(index.size, lo, hi);
  if (layer.exclude) andNotInto(base, layer.exclude);
  const { counts, matches } = countFacets(index.facets, base, activeFilters(index, params));
  // A question fiche and the fiche that lists it, among the first results: which one the
  // query means, from the question's own title words (internal/question-order.ts).
  if (plan && found) orderQuestions(index, plan, found, (doc) => hasBit(matches, doc), thesaurus.derivations);
  return { plan, found, matches, counts };
}

/** The page asked for: its number, size, and the window of results it covers. */
export function pageWindow(params: SearchParams): { page: number; limit: number; offset: number; take: number } {
  const limit = clampInt(params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const page = clampInt(params.page, 1, 1, Number.MAX_SAFE_INTEGER);
  const offset = Math.min((page - 1) * limit, MAX_WINDOW);
  const take = Math.max(0, Math.min(limit, MAX_WINDOW - offset));
  return { page, limit, offset, take };
}

function runSearch(index: SearchIndex, params: SearchParams, thesaurus: Thesaurus): SearchResult {
  const { page, limit, offset, take } = pageWindow(params);
  const { plan, found, matches, counts } = matchIndex(index, params, thesaurus);
  const { docs, scores } = selectPage(matches, found, !found || params.sort === 'date', offset, take);
  const isMatch = plan ? createMatcher(plan) : null;
  const items = docs.map((doc, i) => toHit(index, doc, scores[i] ?? 0, isMatch));
  return { total: countBits(matches), page, limit, items, facets: counts };
}
