/**
 * The inverted index as flat typed arrays (CSR layout) instead of lunr's object tree
 * (term → field → docRef → {}): a 10k-item lunr index is millions of small objects, which
 * cost heap, GC time and pointer-chasing on every query.
 *
 * Terms (stems) are sorted; the postings of term t in field f are the entries
 * `offsets[t * F + f] .. offsets[t * F + f + 1]` of `docs` (ascending document numbers)
 * and `weights` (lunr's BM25 weight × field boost, rounded to 3 decimals by lunr, stored
 * × 1000 as an integer: exactly what lunr's field vectors hold).
 */
import { hasBit, type Bitset } from './bitset.js';

export interface Postings {
  /** Field names, in lunr's field order (title, summary, meta, body). */
  readonly fields: readonly string[];
  /** Stems, sorted by code unit. */
  readonly terms: readonly string[];
  /** terms.length × fields.length + 1 entry starts. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  /** BM25 weight × 1000 (an integer), entry by entry. */
  readonly weights: Uint32Array;
  /** Average length of each field in terms, as BM25 used it (indexes stored before it lack it). */
  readonly averageFieldLengths?: readonly number[];
}

/** The number of the term in `postings.terms`, or -1 when the index does not hold it. */
export function findTerm(postings: Postings, term: string): number {
  const { terms } = postings;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo < terms.length && terms[lo] === term ? lo : -1;
}

/**
 * lunr's documentsWithTerm: the term's entries over every field (a document counts once per
 * field), leaving out those of the documents in `except`.
 */
export function countTermEntries(postings: Postings, term: string, except?: Bitset): number {
  const t = findTerm(postings, term);
  if (t < 0) return 0;
  const F = postings.fields.length;
  const [start, end] = [postings.offsets[t * F]!, postings.offsets[t * F + F]!];
  let n = end - start;
  if (except) for (let p = start; p < end; p++) if (hasBit(except, postings.docs[p]!)) n--;
  return n;
}

/** The numbers of the named fields (unknown names are skipped), all fields by default. */
export function fieldNumbers(postings: Postings, names?: readonly string[]): number[] {
  if (!names) return postings.fields.map((_f, i) => i);
  return names.map((name) => postings.fields.indexOf(name)).filter((i) => i >= 0);
}
