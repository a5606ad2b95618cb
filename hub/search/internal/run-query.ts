/**
 * Runs a query plan on the compact postings (postings.ts). Scores are lunr's own (the sum
 * over fields of the query vector · field vector, over the query vector's magnitude),
 * computed from the stored BM25 weights into reused typed arrays: lunr's `index.query`
 * builds a MatchData, FieldRefs and Sets per matching document, which costs ~5× more and
 * churns the GC. Tests hold both equal (test/hub/search/lunr-reference.ts).
 *
 * The "all words" rule is applied per group, because a word matches through any of its
 * stems (exact, prefix, typo, derivation, synonym) or through a multi-word synonym, an
 * AND/OR that lunr's per-clause REQUIRED cannot express: documents record which slots
 * they match (bits), a group is matched when all slots of one of its options are.
 * Documents matching at least `plan.minimumMatch` required groups win (every one, unless
 * the plan is lenient); when none does, the search falls back to documents matching any
 * word. Either way, those matching more required groups come first.
 */
import { fieldNumbers, findTerm } from './postings.js';
import type { QueryPlan } from './query-plan.js';
import { selectTop } from './top-k.js';
import type { SearchIndex } from '../types.js';

/** Matching documents, unordered (see `rankBefore` and top-k.ts to order them). */
export interface QueryMatches {
  docs: Int32Array;
  scores: Float64Array;
  /** Number of required groups each document matches. */
  covered: Uint8Array;
  /** False when no document reached the plan's minimum (fallback to any word). */
  matchedAll: boolean;
  /** Lenient plan: scores already carry the penalty for missed groups; rank by score alone. */
  soft?: boolean;
}

/** Lenient plans list a partial match when it scores above the this-th best full match. */
const RANKED_PARTIALS = 10;

const NO_MATCH: QueryMatches = {
  docs: new Int32Array(0),
  scores: new Float64Array(0),
  covered: new Uint8Array(0),
  matchedAll: true,
};

/** Ordering of matches i and j: more required groups (unless soft), then higher score, then newer. */
export function rankBefore(m: QueryMatches, i: number, j: number): boolean {
  if (!m.soft && m.covered[i] !== m.covered[j]) return m.covered[i]! > m.covered[j]!;
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

/** stem → bits of the slots holding it. */
function slotMasks(plan: QueryPlan): Map<string, number> {
  const byTerm = new Map<string, number>();
  plan.slots.forEach((slot, i) => {
    for (const stem of slot.keys()) byTerm.set(stem, (byTerm.get(stem) ?? 0) | (1 << i));
  });
  return byTerm;
}

/** Counts the required groups that a document's matched slots satisfy (one option of each). */
function createCoverage(plan: QueryPlan): (slots: number) => number {
  const required = plan.groups.filter((g) => g.required).map((g) => g.options);
  const memo = new Map<number, number>();
  return (slots) => {
    let n = memo.get(slots);
    if (n === undefined) {
      n = 0;
      for (const options of required) if (options.some((mask) => (slots & mask) === mask)) n++;
      memo.set(slots, n);
    }
    return n;
  };
}

/** Adds every clause's weighted postings into the scratch arrays; returns the touched count and the query magnitude. */
function accumulate(
  index: SearchIndex,
  plan: QueryPlan,
  byTerm: Map<string, number>,
  fields: number[],
  scratch: Scratch,
  alsoKnown?: (term: string) => boolean,
) {
  const { offsets, docs, weights } = index.postings;
  const F = index.postings.fields.length;
  const { scores, groups, touched } = scratch;
  let count = 0;
  let squares = 0;
  for (const [term, boost] of plan.clauses) {
    const t = findTerm(index.postings, term);
    // A word another layer holds still counts in the query's magnitude (search-layered.ts).
    if (t < 0) {
      if (alsoKnown?.(term)) squares += boost * boost;
      continue;
    }
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

/**
 * Lenient plans: the score a full match must beat for a partial one to be listed — the
 * RANKED_PARTIALS-th best full match's (or the weakest's, when there are fewer).
 */
function partialThreshold(fullScores: number[]): number {
  if (fullScores.length === 0) return 0;
  fullScores.sort((a, b) => b - a);
  return fullScores[Math.min(RANKED_PARTIALS, fullScores.length) - 1]!;
}

/** Copies the chosen documents out of the scratch arrays and clears them for the next query. */
function collect(count: number, scratch: Scratch, plan: QueryPlan, magnitude: number): QueryMatches {
  const { scores, groups, touched } = scratch;
  const coverage = createCoverage(plan);
  const required = plan.groups.filter((g) => g.required).length;
  const covered = new Uint8Array(count);
  const final = new Float64Array(count);
  const fullScores: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    covered[i] = coverage(groups[doc]!);
    // Lenient plans: × missPenalty per required group missed (strict plans: × 1).
    final[i] = (scores[doc]! / magnitude) * plan.missPenalty ** (required - covered[i]!);
    if (covered[i]! >= plan.minimumMatch) fullScores.push(final[i]!);
    scores[doc] = 0;
    groups[doc] = 0;
  }
  const matchedAll = fullScores.length > 0;
  // A partial match is listed when it outranks the threshold full match despite its penalty
  // (lenient plans only): a strong title match missing one word of a long question.
  const threshold = plan.missPenalty < 1 && matchedAll ? partialThreshold(fullScores) : Infinity;
  const keep = (i: number) =>
    !matchedAll || covered[i]! >= plan.minimumMatch || (covered[i]! > 0 && final[i]! >= threshold);
  let size = 0;
  for (let i = 0; i < count; i++) if (keep(i)) size++;
  const out: QueryMatches = {
    docs: new Int32Array(size),
    scores: new Float64Array(size),
    covered: new Uint8Array(size),
    matchedAll,
    soft: plan.missPenalty < 1,
  };
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (!keep(i)) continue;
    out.docs[n] = touched[i]!;
    out.scores[n] = final[i]!;
    out.covered[n++] = covered[i]!;
  }
  return out;
}

/**
 * Runs the plan; `fields` restricts the search to some fields (default: all); `alsoKnown`
 * names the words that another index laid over this one holds (their weight counts in the
 * query's magnitude, as it would in one index of both).
 */
export function runQuery(
  index: SearchIndex,
  plan: QueryPlan,
  fields?: readonly string[],
  alsoKnown?: (term: string) => boolean,
): QueryMatches {
  if (plan.clauses.size === 0 || index.size === 0) return NO_MATCH;
  const scratch = getScratch(index);
  const { count, magnitude } = accumulate(
    index,
    plan,
    slotMasks(plan),
    fieldNumbers(index.postings, fields),
    scratch,
    alsoKnown,
  );
  return count === 0 ? NO_MATCH : collect(count, scratch, plan, magnitude);
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
