/**
 * Words of a citizen's question that say nothing about its subject (« comment », « je
 * veux », « est-ce possible »): a query drops them, like stop words, unless it has nothing
 * else. Stop words (analysis/stop-words.ts) already drop `je mon est ce qui…`. Kept short on
 * purpose: a word that is a subject somewhere (`aide`, `droit`, `faire`) is not listed —
 * very frequent words are made optional by the query planner instead.
 */
import { foldWord } from '../analysis/index.js';

const WORDS = [
  'comment',
  'combien',
  'quand',
  'pourquoi',
  'quoi',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'faut',
  'veux',
  'veut',
  'voudrais',
  'voudrait',
  'aimerais',
  'souhaite',
  'peux',
  'peut',
  'peuvent',
  'puis',
  'possible',
  'dois',
  'doit',
  'oblige',
  'obligee',
  'moment',
  'bonjour',
  'merci',
  'svp',
  'stp',
  'legal',
  'normal',
  'chez',
] as const;

const QUESTION_WORDS = new Set(WORDS.map(foldWord));

/**
 * What a question word asks for, in the words fiches answer it with: « combien » is
 * answered by a « montant », « quand » by a « date » or a « délai ». The planner adds these
 * as an optional group (ranked, never required).
 */
const INTENTS = new Map<string, readonly string[]>(
  Object.entries({
    combien: ['montant', 'coût', 'prix', 'tarif', 'calcul', 'durée'],
    quand: ['date', 'délai', 'calendrier'],
    pourquoi: ['motif', 'raison'],
  }).map(([word, answers]) => [word, answers.map(foldWord)]),
);

/** True for a folded word that only frames a question. */
export function isQuestionWord(folded: string): boolean {
  return QUESTION_WORDS.has(folded);
}

/** The words that answer a question word (`combien` → montant, coût…), folded; [] for others. */
export function getQuestionIntent(folded: string): readonly string[] {
  return INTENTS.get(folded) ?? [];
}
