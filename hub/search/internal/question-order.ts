/**
 * A fiche and the questions it answers in its « Questions ? Réponses ! » block: which one a
 * citizen means, from the words the question adds to the fiche's title.
 *
 * DILA fiches are a general fiche (« Démission d'un salarié ») and narrower question fiches
 * it lists (« Peut-on démissionner pendant un congé parental ? »). A search for
 * « démissionner de mon cdi » matches both, and the question, shorter and worded like the
 * query, often ranks first; a search for « voyager avec une carte d'identité de plus de 10
 * ans » wants the question above the fiche. Word weighting cannot tell them apart (the
 * shared words weigh the same); the structure can: a question is narrower than its fiche
 * by the words of its title that the fiche's title lacks (« pendant », « congé »,
 * « parental »). So, among the first results, when a question and a fiche that lists it
 * both match:
 * - the question stays above the fiche only if the query names at least one of those words
 *   (a question that adds no word of its own never does);
 * - the fiche yields to its question when the query names most of them (LIFT_SHARE).
 * Otherwise the engine's order stands. Measured on the relevance set's tuning part
 * (docs/search-relevance.md, « Fourth pass »).
 */
import { foldedWords, isStopWord, stemWord } from '../analysis/index.js';
import { isQuestionWord, type DerivationIndex } from '../thesaurus/index.js';
import type { SearchIndex } from '../types.js';
import { normalizeUrl } from './links.js';
import { BOOST, type QueryPlan } from './query-plan.js';
import { topMatches, type QueryMatches } from './run-query.js';

/** Results the rule may reorder: the head of the list, where a citizen looks. */
export const QUESTION_ORDER_DEPTH = 5;
/** Share of a question's own title words the query must name to lift it above its fiche. */
export const LIFT_SHARE = 2 / 3;
/** Parents kept per question (a few questions are listed by dozens of fiches). */
const MAX_PARENTS = 40;
/** Reordering passes: a question may also list questions, so moves could chain. */
const MAX_PASSES = 3;

/**
 * Per document, the documents whose questions block links to it (its parent fiches), or
 * null; URLs compared as links.ts compares them.
 */
export function collectQuestionParents(
  urls: readonly string[],
  questions: readonly (readonly { url: string }[])[],
): (number[] | null)[] {
  const docOf = new Map<string, number>();
  urls.forEach((url, doc) => {
    if (url) docOf.set(normalizeUrl(url), doc);
  });
  const parents: (number[] | null)[] = urls.map(() => null);
  questions.forEach((links, from) => {
    for (const { url } of links) {
      const to = docOf.get(normalizeUrl(url));
      if (to === undefined || to === from) continue;
      const list = (parents[to] ??= []);
      if (list.length < MAX_PARENTS && !list.includes(from)) list.push(from);
    }
  });
  return parents;
}

/** Title stems per index and document: stop and question words left out (« Peut-on », « Quelles »). */
const titleStemCache = new WeakMap<SearchIndex, Map<number, string[]>>();

function titleStems(index: SearchIndex, doc: number): string[] {
  let cache = titleStemCache.get(index);
  if (!cache) titleStemCache.set(index, (cache = new Map()));
  let stems = cache.get(doc);
  if (!stems) {
    const words = foldedWords(index.docs.titles[doc] ?? '');
    stems = [...new Set(words.filter((w) => w.length > 1 && !isStopWord(w) && !isQuestionWord(w)).map(stemWord))];
    cache.set(doc, stems);
  }
  return stems;
}

/**
 * Share of the question's own title words (absent from the parent's title, derivations
 * counted as the same word) that the query names; -1 when the question adds none.
 */
function ownWordsNamed(
  index: SearchIndex,
  question: number,
  parent: number,
  named: ReadonlySet<string>,
  derivations: DerivationIndex,
): number {
  const parentWords = new Set<string>();
  for (const stem of titleStems(index, parent)) {
    parentWords.add(stem);
    for (const related of derivations.get(stem) ?? []) parentWords.add(related);
  }
  const own = titleStems(index, question).filter((stem) => !parentWords.has(stem) && !extendsAny(stem, parentWords));
  if (own.length === 0) return -1;
  return own.filter((stem) => named.has(stem)).length / own.length;
}

/** Shortest stem taken as the start of another word's stem (below, `mer` would start `merci`). */
const MIN_SHARED_STEM = 5;

/**
 * Snowball leaves some verb and noun apart (`demission` for « démissionner », `demiss` for
 * « démission »), and the derivation list keeps only families it does not merge: a stem
 * that starts with another of 5+ letters (or is its start) is counted as the same word.
 */
function extendsAny(stem: string, words: ReadonlySet<string>): boolean {
  if (stem.length < MIN_SHARED_STEM) return false;
  for (const word of words)
    if (word.length >= MIN_SHARED_STEM && (stem.startsWith(word) || word.startsWith(stem))) return true;
  return false;
}

/** The stems a query names: its words, their derivations and synonyms (not prefix or typo guesses). */
function namedStems(plan: QueryPlan): Set<string> {
  const named = new Set<string>();
  for (const slot of plan.slots)
    for (const [stem, boost] of slot) if (boost >= Math.min(BOOST.derivation, BOOST.synonym)) named.add(stem);
  return named;
}

const isParent = (index: SearchIndex, parent: number, question: number) =>
  index.docs.askedBy?.[question]?.includes(parent) ?? false;

/**
 * Reorders the first QUESTION_ORDER_DEPTH matches that `keep` accepts (the query's
 * filters) by the rule above (`depth` and `liftShare` are for measuring), handing their scores out again in the new order so that
 * paging, merging layers and the scores shown agree. Only for matches ranked by score
 * alone (lenient plans).
 */
export function orderQuestions(
  index: SearchIndex,
  plan: QueryPlan,
  found: QueryMatches,
  keep: (doc: number) => boolean,
  derivations: DerivationIndex,
  { depth = QUESTION_ORDER_DEPTH, liftShare = LIFT_SHARE }: { depth?: number; liftShare?: number } = {},
): void {
  if (!found.soft || !index.docs.askedBy || found.docs.length < 2) return;
  const top = topMatches(found, depth, keep);
  const docOf = (i: number) => found.docs[i]!;
  const related = top.some((a) => top.some((b) => a !== b && isParent(index, docOf(b), docOf(a))));
  if (!related) return;
  const named = namedStems(plan);
  const order = [...top];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const above = docOf(order[i]!);
        const below = docOf(order[j]!);
        let lift = false;
        if (isParent(index, below, above)) {
          // A question above its fiche: it stays there only if the query names a word of its own.
          lift = ownWordsNamed(index, above, below, named, derivations) <= 0;
        } else if (isParent(index, above, below)) {
          // A fiche above its question: it yields when the query names most of the question's own words.
          lift = ownWordsNamed(index, below, above, named, derivations) >= liftShare;
        }
        if (lift) {
          order.splice(i, 0, order.splice(j, 1)[0]!);
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  const scores = top.map((i) => found.scores[i]!);
  order.forEach((i, rank) => {
    // Strictly decreasing, so ties (broken by document number) cannot undo the order.
    const previous = rank > 0 ? found.scores[order[rank - 1]!]! : Infinity;
    found.scores[i] = scores[rank]! < previous ? scores[rank]! : previous - Math.max(Math.abs(previous) * 1e-9, 1e-12);
  });
}
