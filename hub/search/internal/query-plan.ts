/**
 * Turns user text into lunr term clauses, without lunr's query parser: `+`, `-`, `*`,
 * `~`, `^` and `:` are plain punctuation here, so no input can make a query throw.
 * Each query word becomes a group of stems: its own stem (boost 1), and
 * - for the last word while typing, the stems of the most frequent words it prefixes;
 * - for a word absent from the corpus, the stems of words within 1 typo (5+ letters) or
 *   2 typos (9+ letters).
 * Expansions get lower boosts, so exact matches rank first.
 */
import { forEachWord, isStopWord, stemWord } from '../analysis/index.js';
import type { SearchIndex } from '../types.js';
import { findTerm } from './postings.js';
import { expandPrefix, findSimilar, hasWord, type Vocabulary } from './vocabulary.js';

export const BOOST = { exact: 1, prefix: 0.35, typo1: 0.3, typo2: 0.15 } as const;
/** Words beyond this are ignored: a pasted paragraph must not cost more than a query. */
export const MAX_QUERY_WORDS = 12;
/** Each expansion is a posting list to walk: the most frequent few cover what people mean. */
const PREFIX_EXPANSIONS = 8;
const TYPO_EXPANSIONS = 4;
/** Words shorter than this may be missing from a result (`rdv 14h`, `la`, initials). */
const REQUIRED_MIN_LENGTH = 3;

export interface QueryGroup {
  /** The query word, folded. */
  word: string;
  /** Results should match this group (see runQuery for the fallback); never for a word found nowhere. */
  required: boolean;
  /** stem → boost. */
  terms: Map<string, number>;
}

export interface QueryPlan {
  groups: QueryGroup[];
  /** Every stem of every group, with its highest boost: the lunr clauses. */
  clauses: Map<string, number>;
  /** Folded words to highlight (query words and their expansions). */
  highlightWords: Set<string>;
}

export interface PlanOptions {
  /** Treat the last word as a prefix (as-you-type). Default: when q does not end with a space. */
  prefixLast?: boolean;
  /** Shortest last word expanded as a prefix. Default 3. */
  minPrefix?: number;
}

function addTerm(group: QueryGroup, stem: string, boost: number): void {
  if ((group.terms.get(stem) ?? 0) < boost) group.terms.set(stem, boost);
}

function hasStem(index: SearchIndex, stem: string): boolean {
  return findTerm(index.postings, stem) >= 0;
}

function addExpansions(group: QueryGroup, vocab: Vocabulary, found: number[], boost: number, plan: QueryPlan): void {
  for (const i of found) {
    addTerm(group, stemWord(vocab.words[i]!), boost);
    plan.highlightWords.add(vocab.words[i]!);
  }
}

function planWord(index: SearchIndex, word: string, isPrefix: boolean, plan: QueryPlan): QueryGroup {
  const stop = isStopWord(word);
  const group: QueryGroup = { word, required: !stop && word.length >= REQUIRED_MIN_LENGTH, terms: new Map() };
  const stem = stemWord(word);
  if (!stop && hasStem(index, stem)) addTerm(group, stem, BOOST.exact);
  if (!stop) plan.highlightWords.add(word);
  if (isPrefix)
    addExpansions(group, index.vocabulary, expandPrefix(index.vocabulary, word, PREFIX_EXPANSIONS), BOOST.prefix, plan);
  const typos = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  if (!stop && typos > 0 && group.terms.size === 0 && !hasWord(index.vocabulary, word)) {
    const similar = findSimilar(index.vocabulary, word, typos, TYPO_EXPANSIONS);
    addExpansions(group, index.vocabulary, similar, typos === 1 ? BOOST.typo1 : BOOST.typo2, plan);
  }
  return group;
}

/** Plans the lunr clauses of a user query. */
export function planQuery(index: SearchIndex, q: string, options: PlanOptions = {}): QueryPlan {
  const words: string[] = [];
  forEachWord(q, (_surface, folded) => {
    if (words.length < MAX_QUERY_WORDS + 1) words.push(folded);
  });
  const truncated = words.length > MAX_QUERY_WORDS;
  if (truncated) words.length = MAX_QUERY_WORDS;
  const prefixLast = (options.prefixLast ?? !/\s$/.test(q)) && !truncated;
  const minPrefix = options.minPrefix ?? 3;
  const plan: QueryPlan = { groups: [], clauses: new Map(), highlightWords: new Set() };
  words.forEach((word, i) => {
    const isPrefix = prefixLast && i === words.length - 1 && word.length >= minPrefix;
    const group = planWord(index, word, isPrefix, plan);
    // A word found nowhere (not even with a typo) cannot be required: it would empty every
    // search; the other words still are, like engines that drop unmatched words.
    if (group.terms.size > 0) plan.groups.push(group);
  });
  for (const group of plan.groups) {
    for (const [stem, boost] of group.terms) if ((plan.clauses.get(stem) ?? 0) < boost) plan.clauses.set(stem, boost);
  }
  return plan;
}
