/**
 * French readability of a text (Kandel & Moles' adaptation of Flesch), computed at
 * ingestion for every item. Pure functions, no I/O. See docs/readability.md.
 */
export { kandelMoles, measureReadability, LONG_SENTENCE_WORDS, type Readability } from './measure.js';
export { countSyllables } from './syllables.js';
export { extractBlocks, splitSentences, splitWords } from './text.js';
