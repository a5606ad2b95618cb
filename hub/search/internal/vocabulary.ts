/**
 * The surface vocabulary: every folded word of the corpus (not its stem), sorted, with its
 * most frequent spelling as written and its frequency. lunr's index holds stems, and a
 * prefix or a typo must be matched against words (`équipem…` is not a prefix of the stem
 * `equip`), so prefix completion and typo tolerance look words up here, then query
 * lunr with the words' stems. Parallel arrays keep it compact.
 */
import { boundedDistance } from './edit-distance.js';

export interface Vocabulary {
  /** Folded words, sorted by code unit. */
  readonly words: string[];
  /** Most frequent spelling as written (`Nouméa`), or '' when it equals the folded word. */
  readonly display: string[];
  /** Occurrences in the corpus. */
  readonly freq: Uint32Array;
}

/**
 * The words of both, frequencies added, each spelling from the one where the word is more
 * frequent: a delta of documents indexed again from the full index (a partner edit) expands
 * prefixes and typos over the full index's words, which its documents hold but did not add.
 */
export function mergeVocabularies(a: Vocabulary, b: Vocabulary): Vocabulary {
  const words: string[] = [];
  const display: string[] = [];
  const freq: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.words.length || j < b.words.length) {
    const wa = a.words[i];
    const wb = b.words[j];
    if (wb === undefined || (wa !== undefined && wa < wb)) {
      words.push(wa!);
      display.push(a.display[i]!);
      freq.push(a.freq[i++]!);
    } else if (wa === undefined || wb < wa) {
      words.push(wb);
      display.push(b.display[j]!);
      freq.push(b.freq[j++]!);
    } else {
      words.push(wa);
      display.push(a.freq[i]! >= b.freq[j]! ? a.display[i]! : b.display[j]!);
      freq.push(a.freq[i++]! + b.freq[j++]!);
    }
  }
  return { words, display, freq: Uint32Array.from(freq) };
}

/** First index whose word is >= key. */
function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the folded word occurs in the corpus. */
export function hasWord(vocab: Vocabulary, folded: string): boolean {
  return vocab.words[lowerBound(vocab.words, folded)] === folded;
}

/** The word as most often written: `noumea` → `Nouméa`. */
export function displayWord(vocab: Vocabulary, index: number): string {
  return vocab.display[index] || vocab.words[index]!;
}

/** Keeps the `limit` best candidates, best first: fewer typos, then more frequent. */
function pushBest(best: { i: number; rank: number }[], i: number, rank: number, limit: number): void {
  if (best.length === limit && rank <= best[limit - 1]!.rank) return;
  let at = best.length;
  while (at > 0 && best[at - 1]!.rank < rank) at--;
  best.splice(at, 0, { i, rank });
  if (best.length > limit) best.pop();
}

/** How many words of a prefix range are looked at, at most (a 2-letter prefix spans thousands). */
const PREFIX_SCAN_LIMIT = 20_000;

/** Indexes of the most frequent words starting with `prefix`, most frequent first. */
export function expandPrefix(vocab: Vocabulary, prefix: string, limit: number): number[] {
  const best: { i: number; rank: number }[] = [];
  const end = Math.min(vocab.words.length, lowerBound(vocab.words, prefix) + PREFIX_SCAN_LIMIT);
  for (let i = lowerBound(vocab.words, prefix); i < end && vocab.words[i]!.startsWith(prefix); i++) {
    pushBest(best, i, vocab.freq[i]!, limit);
  }
  return best.map((b) => b.i);
}

/**
 * Indexes of words within `maxDistance` typos of `folded`, closest then most frequent
 * first. Like most engines (Lucene's prefix_length), the first letter must be right:
 * that is rarely where the typo is, and it confines the scan to one slice of the list.
 */
export function findSimilar(vocab: Vocabulary, folded: string, maxDistance: number, limit: number): number[] {
  const first = folded.charAt(0);
  const best: { i: number; rank: number }[] = [];
  const next = String.fromCharCode(first.charCodeAt(0) + 1);
  const end = lowerBound(vocab.words, next);
  for (let i = lowerBound(vocab.words, first); i < end; i++) {
    const word = vocab.words[i]!;
    if (Math.abs(word.length - folded.length) > maxDistance || word === folded) continue;
    const d = boundedDistance(folded, word, maxDistance);
    // Rank: distance dominates, frequency breaks ties.
    if (d <= maxDistance) pushBest(best, i, (maxDistance - d + 1) * 2 ** 32 + vocab.freq[i]!, limit);
  }
  return best.map((b) => b.i);
}
