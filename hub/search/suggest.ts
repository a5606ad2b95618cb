/**
 * Completions as the user types: words of the corpus that the last typed word begins
 * (each stem once, in its most frequent spelling, e.g. `équipement`, not the stem `equip`),
 * and titles whose words begin with every typed word. Plain text: the caller escapes.
 */
import { forEachWord, stemWord } from './analysis/index.js';
import { createBitset, hasBit, setBit, type Bitset } from './internal/bitset.js';
import { findTerm } from './internal/postings.js';
import { planQuery } from './internal/query-plan.js';
import { runQuery, topMatches } from './internal/run-query.js';
import type { SearchIndex } from './types.js';
import { displayWord, expandPrefix } from './internal/vocabulary.js';

export interface TermSuggestion {
  /** The query with its last word completed: `permis de cond` → `permis de conduire`. */
  text: string;
  /** The completed word as most often written. */
  word: string;
  /** Occurrences of the word in the corpus. */
  count: number;
}

export interface TitleSuggestion {
  id: string;
  title: string;
  url: string;
}

export interface SuggestResult {
  terms: TermSuggestion[];
  titles: TitleSuggestion[];
}

/** Shortest last word that gets completions. */
const MIN_PREFIX = 2;
export const MAX_SUGGESTIONS = 20;
/** Most frequent completions considered before ranking by co-occurrence. */
const CANDIDATES = 50;

function lastWord(q: string): { folded: string; start: number } | null {
  let last: { folded: string; start: number } | null = null;
  forEachWord(q, (_surface, folded, start, end) => {
    last = end === q.length ? { folded, start } : null;
  });
  return last;
}

/** Documents matching the words typed before the last one (null when there are none). */
function contextDocs(index: SearchIndex, head: string): Bitset | null {
  if (!head.trim()) return null;
  const found = runQuery(index, planQuery(index, head, { prefixLast: false }));
  if (found.docs.length === 0 || !found.matchedAll) return null;
  const bits = createBitset(index.size);
  for (const doc of found.docs) setBit(bits, doc);
  return bits;
}

/** How many context documents contain a stem (in any field), read from the postings. */
function countInContext(index: SearchIndex, stem: string, context: Bitset): number {
  const { offsets, docs, fields } = index.postings;
  const t = findTerm(index.postings, stem);
  if (t < 0) return 0;
  const seen = createBitset(index.size);
  let count = 0;
  for (let p = offsets[t * fields.length]!; p < offsets[(t + 1) * fields.length]!; p++) {
    const doc = docs[p]!;
    if (hasBit(context, doc) && !hasBit(seen, doc)) {
      setBit(seen, doc);
      count++;
    }
  }
  return count;
}

/**
 * Completions of the last word, one per stem. After other words (`permis de cond`),
 * words that appear with them come first (`conduire` before the more frequent `conditions`).
 */
function suggestTerms(index: SearchIndex, q: string, limit: number): TermSuggestion[] {
  const last = lastWord(q);
  if (!last || last.folded.length < MIN_PREFIX) return [];
  const head = q.slice(0, last.start);
  const context = contextDocs(index, head);
  const seenStems = new Set<string>();
  const candidates: (TermSuggestion & { together: number })[] = [];
  for (const i of expandPrefix(index.vocabulary, last.folded, CANDIDATES)) {
    const stem = stemWord(index.vocabulary.words[i]!);
    if (seenStems.has(stem)) continue;
    seenStems.add(stem);
    const word = displayWord(index.vocabulary, i);
    const together = context ? countInContext(index, stem, context) : 0;
    candidates.push({ text: head + word, word, count: index.vocabulary.freq[i]!, together });
  }
  candidates.sort((a, b) => b.together - a.together || b.count - a.count);
  return candidates.slice(0, limit).map(({ text, word, count }) => ({ text, word, count }));
}

function suggestTitles(index: SearchIndex, q: string, limit: number): TitleSuggestion[] {
  const plan = planQuery(index, q, { minPrefix: MIN_PREFIX });
  const found = runQuery(index, plan, ['title']);
  if (!found.matchedAll) return [];
  return topMatches(found, limit).map((i) => {
    const doc = found.docs[i]!;
    return { id: index.docs.ids[doc]!, title: index.docs.titles[doc]!, url: index.docs.urls[doc]! };
  });
}

/** Term and title completions for a partial query (`limit` of each, default 8, at most 20). */
export function suggest(index: SearchIndex, q: string, limit = 8): SuggestResult {
  const n = Math.min(MAX_SUGGESTIONS, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 8)));
  const text = q.slice(0, 200);
  if (!text.trim()) return { terms: [], titles: [] };
  return { terms: suggestTerms(index, text, n), titles: suggestTitles(index, text, n) };
}
