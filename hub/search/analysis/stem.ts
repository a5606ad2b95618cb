/**
 * French stemming with lunr-languages' Snowball stemmer, applied to folded words (the
 * order lunr-languages itself uses), with a bounded cache: stemming is the hot spot of
 * indexing and of snippet highlighting.
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import french from 'lunr-languages/lunr.fr.js';

type StringStemmer = (word: string) => string;
const withLanguages = lunr as unknown as { fr?: { stemmer: StringStemmer } };
// lunr is one shared CommonJS instance: install the plugins once (they warn when re-registered).
if (!withLanguages.fr) {
  stemmerSupport(lunr);
  french(lunr);
}
const snowball = withLanguages.fr!.stemmer;

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** The stem of a folded word: `equipements` → `equip`. Digits and short words pass through. */
export function stemWord(folded: string): string {
  if (folded.length < 3) return folded;
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = snowball(folded);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}

export { lunr };
