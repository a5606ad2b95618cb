/**
 * Turns user text into lunr term clauses, without lunr's query parser: `+`, `-`, `*`,
 * `~`, `^` and `:` are plain punctuation here, so no input can make a query throw.
 *
 * Each query word becomes a *group*. A group has *options*, each a set of *slots* that a
 * document must all match; a slot is a set of stems (stem → boost):
 * - the word's own slot: its stem (boost 1); for the last word while typing, the stems of
 *   the most frequent words it prefixes; for a word absent from the corpus, the stems of
 *   words within 1 or 2 typos; with a thesaurus, the stems of its derivational family
 *   (licencier → licencié) and of its one-word synonyms (boulot → emploi);
 * - with a thesaurus, one more option per multi-word synonym (mutuelle → complémentaire +
 *   santé). A run of query words that a synonym entry names (arrêt maladie) is one group
 *   whose first option needs both words and whose other options are the entry's terms.
 * Expansions get lower boosts than the word itself, so exact matches rank first.
 */
import { forEachWord, isStopWord, stemWord } from '../analysis/index.js';
import { getQuestionIntent, isQuestionWord, type SynonymRule, type Thesaurus } from '../thesaurus/index.js';
import type { SearchIndex } from '../types.js';
import { findTerm } from './postings.js';
import { expandPrefix, findSimilar, hasWord, type Vocabulary } from './vocabulary.js';

export const BOOST = {
  exact: 1,
  synonym: 0.6,
  derivation: 0.6,
  prefix: 0.35,
  typo1: 0.3,
  intent: 0.3,
  typo2: 0.15,
} as const;
/** Words beyond this are ignored: a pasted paragraph must not cost more than a query. */
export const MAX_QUERY_WORDS = 12;
/** Each expansion is a posting list to walk: the most frequent few cover what people mean. */
const PREFIX_EXPANSIONS = 8;
const TYPO_EXPANSIONS = 4;
/** Words shorter than this may be missing from a result (`rdv 14h`, `la`, initials). */
const REQUIRED_MIN_LENGTH = 3;
/** Slots are bits of a 32-bit integer (the sign bit left alone). */
const MAX_SLOTS = 31;
/** Longer synonym terms (a sigle's full name) would ask documents for too many words. */
const MAX_ALTERNATIVE_WORDS = 10;
/** In a lenient query of 3+ words, a word found in more than this share of documents is optional. */
const COMMON_WORD_SHARE = 0.15;
/** Lenient plans: score × MISS_PENALTY per required group missed. */
export const MISS_PENALTY = 0.7;

export interface QueryGroup {
  /** The query word(s), folded. */
  word: string;
  /** Results should match this group (see runQuery for the fallback); never for a word found nowhere. */
  required: boolean;
  /** Bit masks of slots: the group is matched when every slot of one option is. */
  options: number[];
}

export interface QueryPlan {
  groups: QueryGroup[];
  /** Slot i: stem → boost. */
  slots: Map<string, number>[];
  /** Every stem of every slot, with its highest boost: the lunr clauses. */
  clauses: Map<string, number>;
  /** Folded words to highlight (query words and their expansions). */
  highlightWords: Set<string>;
  /** Required groups a document must match to count as a full match. */
  minimumMatch: number;
  /**
   * Score factor per required group a document misses: 1 ranks more groups first whatever
   * the score (strict); lenient plans use MISS_PENALTY, so a strong title match missing one
   * word can beat a weak body match holding them all.
   */
  missPenalty: number;
}

export interface PlanOptions {
  /** Treat the last word as a prefix (as-you-type). Default: when q does not end with a space. */
  prefixLast?: boolean;
  /** Shortest last word expanded as a prefix. Default 3. */
  minPrefix?: number;
  /** Derivations and synonyms to expand words with. Default: none. */
  thesaurus?: Thesaurus;
  /**
   * A citizen's query rather than a completion: question words (`comment`, `combien`)
   * are dropped, very common words are optional in queries of 3+ words, and documents
   * may miss one required word in three, at a cost (`minimumMatch`, `missPenalty`).
   * Default false.
   */
  lenient?: boolean;
}

interface Token {
  word: string;
  stem: string;
  isPrefix: boolean;
}

function addTerm(slot: Map<string, number>, stem: string, boost: number): void {
  if ((slot.get(stem) ?? 0) < boost) slot.set(stem, boost);
}

function hasStem(index: SearchIndex, stem: string): boolean {
  return findTerm(index.postings, stem) >= 0;
}

function addExpansions(slot: Map<string, number>, vocab: Vocabulary, found: number[], boost: number, plan: QueryPlan) {
  for (const i of found) {
    addTerm(slot, stemWord(vocab.words[i]!), boost);
    plan.highlightWords.add(vocab.words[i]!);
  }
}

/** The stems one query word stands for: itself, prefix completions, typo corrections, its family. */
function planWordSlot(index: SearchIndex, token: Token, plan: QueryPlan, thesaurus?: Thesaurus): Map<string, number> {
  const slot = new Map<string, number>();
  const { word, stem } = token;
  if (hasStem(index, stem)) addTerm(slot, stem, BOOST.exact);
  plan.highlightWords.add(word);
  if (token.isPrefix)
    addExpansions(slot, index.vocabulary, expandPrefix(index.vocabulary, word, PREFIX_EXPANSIONS), BOOST.prefix, plan);
  const typos = word.length >= 7 ? 2 : word.length >= 5 ? 1 : 0;
  if (typos > 0 && slot.size === 0 && !hasWord(index.vocabulary, word)) {
    const similar = findSimilar(index.vocabulary, word, typos, TYPO_EXPANSIONS);
    addExpansions(slot, index.vocabulary, similar, typos === 1 ? BOOST.typo1 : BOOST.typo2, plan);
  }
  for (const related of thesaurus?.derivations.get(stem) ?? [])
    if (hasStem(index, related)) addTerm(slot, related, BOOST.derivation);
  return slot;
}

/** Number of documents holding a stem in its most common field. */
function documentCount(index: SearchIndex, stem: string): number {
  const t = findTerm(index.postings, stem);
  if (t < 0) return 0;
  const { offsets, fields } = index.postings;
  let most = 0;
  for (let f = 0; f < fields.length; f++)
    most = Math.max(most, offsets[t * fields.length + f + 1]! - offsets[t * fields.length + f]!);
  return most;
}

class PlanBuilder {
  readonly plan: QueryPlan = {
    groups: [],
    slots: [],
    clauses: new Map(),
    highlightWords: new Set(),
    minimumMatch: 0,
    missPenalty: 1,
  };

  constructor(
    private readonly index: SearchIndex,
    private readonly thesaurus: Thesaurus | undefined,
  ) {}

  /** Adds a slot; returns its bit, or 0 when the slots are used up. */
  addSlot(slot: Map<string, number>): number {
    if (slot.size === 0 || this.plan.slots.length >= MAX_SLOTS) return 0;
    this.plan.slots.push(slot);
    return 1 << (this.plan.slots.length - 1);
  }

  /** One group for `tokens` (one word, or the words a synonym rule matched). */
  addGroup(tokens: Token[], rule: SynonymRule | undefined, required: boolean): void {
    const mainSlots = tokens.map((t) => planWordSlot(this.index, t, this.plan, this.thesaurus));
    const options: number[] = [];
    const alternatives = (rule?.alternatives ?? []).filter(
      (alt) => alt.length <= MAX_ALTERNATIVE_WORDS && alt.every((stem) => hasStem(this.index, stem)),
    );
    // One-word synonyms of one word join its own slot: `boulot` matches where `emploi` does.
    if (tokens.length === 1 && mainSlots[0]!.size > 0)
      for (const alt of alternatives.filter((a) => a.length === 1)) addTerm(mainSlots[0]!, alt[0]!, BOOST.synonym);
    if (mainSlots.every((slot) => slot.size > 0)) {
      const bits = mainSlots.map((slot) => this.addSlot(slot));
      if (bits.every((b) => b !== 0)) options.push(bits.reduce((a, b) => a | b, 0));
    }
    for (const alt of alternatives) {
      if (tokens.length === 1 && alt.length === 1 && options.length > 0) continue;
      if (this.plan.slots.length + alt.length > MAX_SLOTS) continue;
      // The words of a multi-word synonym share its boost: together they weigh about one word.
      const boost = BOOST.synonym / alt.length;
      options.push(alt.map((stem) => this.addSlot(new Map([[stem, boost]]))).reduce((a, b) => a | b, 0));
    }
    // A word found nowhere (not even with a typo or a synonym) cannot be required: it would
    // empty every search; the other words still are, like engines that drop unmatched words.
    if (options.length > 0) this.plan.groups.push({ word: tokens.map((t) => t.word).join(' '), required, options });
  }

  finish(lenient: boolean): QueryPlan {
    const { plan } = this;
    for (const slot of plan.slots)
      for (const [stem, boost] of slot) if ((plan.clauses.get(stem) ?? 0) < boost) plan.clauses.set(stem, boost);
    const required = plan.groups.filter((g) => g.required).length;
    // Lenient: one required group in three may be missing (3 → 2, 4 → 3, 6 → 4).
    plan.minimumMatch = lenient ? required - Math.floor(required / 3) : required;
    plan.missPenalty = lenient ? MISS_PENALTY : 1;
    return plan;
  }
}

/** The synonym rule matching the most words from `at` (stems compared), if any. */
function matchRule(tokens: Token[], at: number, thesaurus: Thesaurus | undefined): SynonymRule | undefined {
  for (const rule of thesaurus?.synonyms.byFirst.get(tokens[at]!.stem) ?? [])
    if (rule.match.every((stem, k) => tokens[at + k]?.stem === stem)) return rule;
  return undefined;
}

/** The query's words, folded, at most MAX_QUERY_WORDS; `truncated` when there were more. */
function readWords(q: string): { words: string[]; truncated: boolean } {
  const words: string[] = [];
  forEachWord(q, (_surface, folded) => {
    if (words.length < MAX_QUERY_WORDS + 1) words.push(folded);
  });
  const truncated = words.length > MAX_QUERY_WORDS;
  if (truncated) words.length = MAX_QUERY_WORDS;
  return { words, truncated };
}

/** Plans the lunr clauses of a user query. */
export function planQuery(index: SearchIndex, q: string, options: PlanOptions = {}): QueryPlan {
  const { words, truncated } = readWords(q);
  const prefixLast = (options.prefixLast ?? !/\s$/.test(q)) && !truncated;
  const minPrefix = options.minPrefix ?? 3;
  const lenient = options.lenient ?? false;
  const all: Token[] = words.map((word, i) => ({
    word,
    stem: stemWord(word),
    isPrefix: prefixLast && i === words.length - 1 && word.length >= minPrefix,
  }));
  let tokens = all.filter((t) => !isStopWord(t.word) && !(lenient && isQuestionWord(t.word)));
  // A query of question words only (`combien`) still searches for them.
  if (tokens.length === 0 && lenient) tokens = all.filter((t) => !isStopWord(t.word));
  // A stop word being typed (`de` in `permis de`) still completes (`demande`).
  const last = all[all.length - 1];
  const prefixStop = last?.isPrefix && isStopWord(last.word) ? last : undefined;
  const builder = new PlanBuilder(index, options.thesaurus);
  const common = lenient && tokens.length >= 3 ? index.size * COMMON_WORD_SHARE : Infinity;
  for (let i = 0; i < tokens.length;) {
    const rule = matchRule(tokens, i, options.thesaurus);
    const run = tokens.slice(i, i + (rule?.match.length ?? 1));
    const required =
      run.length > 1 || (run[0]!.word.length >= REQUIRED_MIN_LENGTH && documentCount(index, run[0]!.stem) <= common);
    builder.addGroup(run, rule, required);
    i += run.length;
  }
  if (prefixStop) addPrefixOnlyGroup(index, prefixStop, builder);
  if (lenient && tokens.length > 0) addIntentGroups(index, all, builder);
  return builder.finish(lenient);
}

/** « combien », « quand »…: an optional group of the words that answer them (montant, délai…). */
function addIntentGroups(index: SearchIndex, tokens: Token[], builder: PlanBuilder): void {
  for (const token of tokens) {
    const slot = new Map<string, number>();
    for (const word of getQuestionIntent(token.word)) {
      const stem = stemWord(word);
      if (hasStem(index, stem)) addTerm(slot, stem, BOOST.intent);
    }
    const bit = builder.addSlot(slot);
    if (bit) builder.plan.groups.push({ word: token.word, required: false, options: [bit] });
  }
}

/** A stop word typed last: only its completions, never required. */
function addPrefixOnlyGroup(index: SearchIndex, token: Token, builder: PlanBuilder): void {
  const slot = new Map<string, number>();
  addExpansions(
    slot,
    index.vocabulary,
    expandPrefix(index.vocabulary, token.word, PREFIX_EXPANSIONS),
    BOOST.prefix,
    builder.plan,
  );
  const bit = builder.addSlot(slot);
  if (bit) builder.plan.groups.push({ word: token.word, required: false, options: [bit] });
}
