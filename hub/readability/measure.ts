/**
 * A French readability measure of a text: the Kandel & Moles (1958) adaptation of Flesch's
 * reading ease, 207 − 1.015 × words per sentence − 73.6 × syllables per word, with the
 * sentence and word lengths it rests on (docs/readability.md says why this formula).
 * Higher is easier: about 60–70 is plain French, below 30 is for specialists.
 */
import { countSyllables } from './syllables.js';
import { extractBlocks, splitSentences, splitWords } from './text.js';

export interface Readability {
  formula: 'kandel-moles';
  /** The reading ease, rounded to a tenth; may fall below 0 or exceed 100 on odd texts. */
  score: number;
  sentences: number;
  words: number;
  syllables: number;
  /** Average sentence length, in words. */
  wordsPerSentence: number;
  /** Average word length, in syllables and in letters. */
  syllablesPerWord: number;
  lettersPerWord: number;
  /** Sentences of more than 25 words. */
  longSentences: number;
}

/** Sentences longer than this are counted apart: the one figure an editor can act on first. */
export const LONG_SENTENCE_WORDS = 25;

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The Kandel–Moles reading ease of given averages. */
export function kandelMoles(wordsPerSentence: number, syllablesPerWord: number): number {
  return 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord;
}

/** Measures an HTML fragment or a plain text; undefined when it has no word. */
export function measureReadability(htmlOrText: string): Readability | undefined {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  let letters = 0;
  let longSentences = 0;
  for (const block of extractBlocks(htmlOrText))
    for (const sentence of splitSentences(block)) {
      const list = splitWords(sentence);
      if (!list.length) continue;
      sentences += 1;
      words += list.length;
      if (list.length > LONG_SENTENCE_WORDS) longSentences += 1;
      for (const word of list) {
        syllables += countSyllables(word);
        letters += (word.match(/\p{L}/gu) ?? []).length;
      }
    }
  if (!words) return undefined;
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;
  return {
    formula: 'kandel-moles',
    score: round(kandelMoles(wordsPerSentence, syllablesPerWord), 1),
    sentences,
    words,
    syllables,
    wordsPerSentence: round(wordsPerSentence, 1),
    syllablesPerWord: round(syllablesPerWord, 2),
    lettersPerWord: round(letters / words, 1),
    longSentences,
  };
}
