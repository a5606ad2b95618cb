/**
 * Runs a query plan on the compact postings (postings.ts). Scores are lunr's own (the sum
 * over fields of the query vector · field vector, over the query vector's magnitude),
 * computed from the stored BM25 weights into reused typed arrays: lunr's `index.query`
 * builds a MatchData, FieldRefs and Sets per matching document, which costs ~5× more and
 * churns the GC. Tests hold both equal (test/hub/search/lunr-reference.ts).
 *
 * The "all words" rule is applied per group, because a word matches through any of its
 * stems (exact, prefix, typo), an OR that lunr's per-clause REQUIRED cannot express.
 * Documents matching every required group win; when none does, the search falls back to
 * documents matching any word, those matching more words first.
 */
import { fieldNumbers, findTerm } from './postings.js';
import type { QueryPlan } from './query-plan.js';
import { selectTop } from './top-k.js';
import type { SearchIndex } from '../types.js';

/** Matching documents, unordered (see `rankBefore` and top-k.ts to order them). */
export interface QueryMatches {
  docs: Int32Array;
  scores: Float64Array;
  /** Number of required words each document matches (all of them when matchedAll). */
  covered: Uint8Array;
  /** False when no document matched every required word (fallback to any word). */
  matchedAll: boolean;
}

const NO_MATCH: QueryMatches = {
  docs: new Int32Array(0),
  scores: new Float64Array(0),
  covered: new Uint8Array(0),
  matchedAll: true,
};

/** Ordering of matches i and j: more required words, then higher score, then newer. */
export function rankBefore(m: QueryMatches, i: number, j: number): boolean {
  if (m.covered[i] !== m.covered[j]) return m.covered[i]! > m.covered[j]!;
  if (m.scores[i] !== m.scores[j]) return m.scores[i]! > m.scores[j]!;
  return m.docs[i]! < m.docs[j]!;
}

interface Scratch {
  scores: Float64Array;
  groups: Int32Array;
  /** Documents touched by the current query, each once (a document is touched when its groups go non-zero). */
  touched: Int32Array;
}

/** Per-index accumulators, reused: searches are synchronous, so one at a time per index. */
const scratches = new WeakMap<SearchIndex, Scratch>();

function getScratch(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const { size } = index;
    scratches.set(
      index,
      (scratch = { scores: new Float64Array(size), groups: new Int32Array(size), touched: new Int32Array(size) }),
    );
  }
  return scratch;
}

function groupMasks(plan: QueryPlan): { byTerm: Map<string, number>; required: number } {
  const byTerm = new Map<string, number>();
  let required = 0;
  plan.groups.forEach((group, g) => {
    if (group.required) required |= 1 << g;
    for (const stem of group.terms.keys()) byTerm.set(stem, (byTerm.get(stem) ?? 0) | (1 << g));
  });
  return { byTerm, required };
}

function countOnes(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** Adds every clause's weighted postings into the scratch arrays; returns the touched count and the query magnitude. */
function accumulate(
  index: SearchIndex,
  plan: QueryPlan,
  byTerm: Map<string, number>,
  fields: number[],
  scratch: Scratch,
) {
  const { offsets, docs, weights } = index.postings;
  const F = index.postings.fields.length;
  const { scores, groups, touched } = scratch;
  let count = 0;
  let squares = 0;
  for (const [term, boost] of plan.clauses) {
    const t = findTerm(index.postings, term);
    if (t < 0) continue;
    const bits = byTerm.get(term)!;
    squares += boost * boost;
    // Same additions in the same order (clause, field, document) as lunr's object walk did:
    // the scores are the same doubles.
    for (const f of fields) {
      const end = offsets[t * F + f + 1]!;
      for (let p = offsets[t * F + f]!; p < end; p++) {
        const doc = docs[p]!;
        if (groups[doc] === 0) touched[count++] = doc;
        groups[doc]! |= bits;
        scores[doc]! += boost * weights[p]!;
      }
    }
  }
  return { count, magnitude: Math.sqrt(squares) * 1000 };
}

/** Copies the chosen documents out of the scratch arrays and clears them for the next query. */
function collect(count: number, scratch: Scratch, required: number, magnitude: number): QueryMatches {
  const { scores, groups, touched } = scratch;
  let strict = 0;
  for (let i = 0; i < count; i++) if ((groups[touched[i]!]! & required) === required) strict++;
  const matchedAll = strict > 0;
  const size = matchedAll ? strict : count;
  const out: QueryMatches = {
    docs: new Int32Array(size),
    scores: new Float64Array(size),
    covered: new Uint8Array(size),
    matchedAll,
  };
  let n = 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    const matched = groups[doc]! & required;
    if (!matchedAll || matched === required) {
      out.docs[n] = doc;
      out.scores[n] = scores[doc]! / magnitude;
      out.covered[n++] = countOnes(matched);
    }
    scores[doc] = 0;
    groups[doc] = 0;
  }
  return out;
}

/** Runs the plan; `fields` restricts the search to some fields (default: all). */
export function runQuery(index: SearchIndex, plan: QueryPlan, fields?: readonly string[]): QueryMatches {
  if (plan.clauses.size === 0 || index.size === 0) return NO_MATCH;
  const { byTerm, required } = groupMasks(plan);
  const scratch = getScratch(index);
  const { count, magnitude } = accumulate(index, plan, byTerm, fieldNumbers(index.postings, fields), scratch);
  return count === 0 ? NO_MATCH : collect(count, scratch, required, magnitude);
}

/** The best `count` matches, best first (indexes into the matches' arrays). */
export function topMatches(matches: QueryMatches, count: number, keep?: (doc: number) => boolean): number[] {
  return selectTop(
    count,
    (offer) => {
      for (let i = 0; i < matches.docs.length; i++) if (!keep || keep(matches.docs[i]!)) offer(i);
    },
    (i, j) => rankBefore(matches, i, j),
  );
}
