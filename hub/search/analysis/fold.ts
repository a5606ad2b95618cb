/**
 * Accent and case folding: `Préfecture`, `PREFECTURE` and `prefecture` become one word.
 * Runs before splitting and stemming, so the stemmer sees the same input whether or not
 * the user typed the accents (Snowball's French rules differ on `é`/`e`).
 */

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}+/gu;
const LIGATURE = /[œæßøđłı]/g;

/** NFD normalization is the costly part of indexing; accented words repeat a lot. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Lower-cases a word and strips its diacritics: `Île` → `ile`, `Œuvre` → `oeuvre`. */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let folded = cache.get(word);
  if (folded === undefined) {
    folded = word
      .toLowerCase()
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(LIGATURE, (c) => LIGATURES[c] ?? c);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, folded);
  }
  return folded;
}
