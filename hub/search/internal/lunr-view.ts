/**
 * lunr's own view of compact postings: a regular `lunr.Index` (inverted index with empty
 * metadata, field vectors, token set) rebuilt from the typed arrays. Search never uses it;
 * it exists so tests (and anyone debugging) can run lunr's `index.query` on the very
 * postings the scorer reads. `SearchIndex#lunr` builds it on first access only.
 */
import { lunr, registerPipeline } from '../analysis/index.js';
import type { Postings } from './postings.js';

/** The pipeline lunr's Index runs on `index.search()` input (not used by this module). */
const SEARCH_PIPELINE = ['passerelle-fold-fr', 'passerelle-stem-fr'];

/** Builds a lunr.Index equivalent to the compact postings (costly: tests and debugging). */
export function toLunrIndex(postings: Postings): lunr.Index {
  registerPipeline();
  const F = postings.fields.length;
  const vectors = new Map<string, number[]>();
  const invertedIndex = postings.terms.map((term, t) => {
    const posting: Record<string, unknown> = { _index: t };
    postings.fields.forEach((field, f) => {
      const refs: Record<string, object> = {};
      for (let p = postings.offsets[t * F + f]!; p < postings.offsets[t * F + f + 1]!; p++) {
        const ref = String(postings.docs[p]);
        refs[ref] = {};
        const key = `${field}/${ref}`;
        let elements = vectors.get(key);
        if (!elements) vectors.set(key, (elements = []));
        // Terms are visited in index order, so each vector's elements come out sorted.
        elements.push(t, postings.weights[p]! / 1000);
      }
      posting[field] = refs;
    });
    return [term, posting];
  });
  return lunr.Index.load({
    version: lunr.version,
    fields: [...postings.fields],
    pipeline: SEARCH_PIPELINE,
    invertedIndex,
    fieldVectors: [...vectors],
  } as unknown as object);
}

/**
 * Kept for API compatibility: field vectors used to be dropped from a loaded index; the lunr
 * view of an index (`SearchIndex#lunr`) now always has them, so there is nothing to restore.
 */
export function restoreFieldVectors(index: lunr.Index): void {
  void index;
}
