/**
 * Query-time expansion: what a citizen types ↔ what fiches say. Derivational families
 * (verb ↔ noun ↔ adjective), synonyms and abbreviations, and the words that only frame a
 * question. Applied when a query is planned, never at indexing: a change takes effect on
 * the next query, without a rebuild.
 */
import { DILA_ABBREVIATIONS } from './abbreviations-data.js';
import { getDerivations, type DerivationIndex } from './derivations.js';
import { EVERYDAY_SYNONYMS, EVERYDAY_SYNONYMS_SOURCE } from './everyday-synonyms.js';
import { compileSynonyms, parseSynonymText, type SynonymEntry, type SynonymTable } from './synonyms.js';

export { indexDerivations, getDerivations, type DerivationIndex } from './derivations.js';
export { getQuestionIntent, isQuestionWord } from './question-words.js';
export {
  compileSynonyms,
  isMatchable,
  MAX_MATCH_WORDS,
  parseSynonymText,
  stemTerm,
  type SynonymEntry,
  type SynonymRule,
  type SynonymTable,
} from './synonyms.js';

export const DILA_ABBREVIATIONS_SOURCE = 'DILA : sigles définis par les fiches « vos droits et démarches »';

/** What queries are expanded with. */
export interface Thesaurus {
  readonly derivations: DerivationIndex;
  readonly synonyms: SynonymTable;
}

let shippedEntries: SynonymEntry[] | undefined;

/** The shipped synonym list: everyday words, then DILA's sigles. */
export function getShippedSynonyms(): readonly SynonymEntry[] {
  return (shippedEntries ??= [
    ...parseSynonymText(EVERYDAY_SYNONYMS, 'everyday', EVERYDAY_SYNONYMS_SOURCE),
    ...parseSynonymText(DILA_ABBREVIATIONS, 'dila', DILA_ABBREVIATIONS_SOURCE),
  ]);
}

/** A thesaurus with the shipped derivations and the given synonym entries (default: shipped). */
export function createThesaurus(entries: readonly SynonymEntry[] = getShippedSynonyms()): Thesaurus {
  return { derivations: getDerivations(), synonyms: compileSynonyms(entries) };
}

/** No expansion at all (benchmarks measure what the thesaurus costs against it). */
export const EMPTY_THESAURUS: Thesaurus = { derivations: new Map(), synonyms: compileSynonyms([]) };
