/**
 * Splits French text into words. Unlike lunr's tokenizer (which splits on spaces and
 * hyphens only, keeping `d'identité` whole), a word is a run of letters, marks and
 * digits: hyphens, apostrophes (straight or curly) and punctuation all separate, so
 * `L'Île-des-Pins` yields `Île`, `des`, `Pins`. Elisions (`l'`, `d'`, `qu'`…) are dropped.
 */
import { foldWord } from './fold.js';

/** Longer runs are URLs, hashes or noise, never words someone types. */
export const MAX_WORD_LENGTH = 40;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const APOSTROPHES = new Set(["'", '’', '‘', 'ʼ', '`', '´']);
const ELISIONS = new Set([
  'l',
  'd',
  'qu',
  'n',
  'j',
  's',
  'c',
  'm',
  't',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
  'quelqu',
]);

/** Receives each word: as written, folded, and its offsets in the text. */
export type WordVisitor = (surface: string, folded: string, start: number, end: number) => void;

/** Calls `visit` for every word of `text`, elisions and over-long runs left out. */
export function forEachWord(text: string, visit: WordVisitor): void {
  // matchAll clones the regex, so a visitor may itself tokenize without clobbering state.
  for (const m of text.matchAll(WORD)) {
    const surface = m[0];
    if (surface.length > MAX_WORD_LENGTH) continue;
    const end = m.index + surface.length;
    const folded = foldWord(surface);
    if (APOSTROPHES.has(text.charAt(end)) && ELISIONS.has(folded)) continue;
    visit(surface, folded, m.index, end);
  }
}

/** The folded words of `text`, in order (elisions removed, stop words kept). */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (_s, folded) => out.push(folded));
  return out;
}
