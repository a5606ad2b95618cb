/**
 * lunr keeps, for every (term, field, document), an empty metadata object `{}` (nothing is
 * whitelisted), and the document's BM25 weight for the term in a separate field vector.
 * We store that weight (×1000, an integer, as lunr already rounds it to 3 decimals) in
 * place of the empty object: millions of objects fewer in memory, and the scorer reads a
 * weight straight from the posting. The field vectors then only duplicate the postings
 * (30 MB at 10k items), so they are dropped; `restoreFieldVectors` rebuilds them for
 * whoever wants lunr's own `index.query` (which only lists a posting's metadata keys).
 */
import { lunr } from '../analysis/index.js';

/** term → { _index, [field]: { [docRef]: weight × 1000 } } */
export type WeightedPostings = Record<string, Record<string, Record<string, number> | number>>;

interface LunrInternals {
  invertedIndex: WeightedPostings;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
}

/** lunr's inverted index, with weights in place of metadata (after storeWeightsInPostings). */
export function getPostings(index: lunr.Index): WeightedPostings {
  return (index as unknown as LunrInternals).invertedIndex;
}

/** Writes each posting's weight × 1000 into lunr's inverted index, in place. */
export function storeWeightsInPostings(index: lunr.Index): void {
  const { invertedIndex, fieldVectors } = index as unknown as LunrInternals;
  const termByIndex: string[] = [];
  for (const term in invertedIndex) termByIndex[invertedIndex[term]!._index as number] = term;
  for (const fieldRef in fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = fieldRef.slice(0, slash);
    const ref = fieldRef.slice(slash + 1);
    const elements = fieldVectors[fieldRef]!.elements;
    for (let i = 0; i < elements.length; i += 2) {
      const posting = invertedIndex[termByIndex[elements[i]!]!]![field] as Record<string, number>;
      posting[ref] = Math.round(elements[i + 1]! * 1000);
    }
  }
}

/** Frees lunr's field vectors once their weights live in the postings. */
export function dropFieldVectors(index: lunr.Index): void {
  (index as unknown as LunrInternals).fieldVectors = Object.create(null);
}

/** Rebuilds lunr's field vectors from the weighted postings, so `index.query` works again. */
export function restoreFieldVectors(index: lunr.Index): void {
  const internals = index as unknown as LunrInternals;
  const pairs = new Map<string, [number, number][]>();
  for (const term in internals.invertedIndex) {
    const posting = internals.invertedIndex[term]!;
    for (const field of internals.fields) {
      const weights = posting[field] as Record<string, number>;
      for (const ref in weights) {
        const key = `${field}/${ref}`;
        let list = pairs.get(key);
        if (!list) pairs.set(key, (list = []));
        list.push([posting._index as number, weights[ref]! / 1000]);
      }
    }
  }
  const vectors: Record<string, lunr.Vector> = Object.create(null);
  for (const [key, list] of pairs) vectors[key] = new lunr.Vector(list.sort((a, b) => a[0] - b[0]).flat());
  internals.fieldVectors = vectors as unknown as LunrInternals['fieldVectors'];
}
