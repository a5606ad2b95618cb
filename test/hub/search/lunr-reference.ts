/**
 * lunr's own ways, kept only as the reference the compact search index is tested against:
 * lunr's view of compact postings (a regular `lunr.Index` rebuilt from the typed arrays),
 * an index lunr builds itself from the same documents, and lunr's `index.query` with the
 * scorer's clauses. Search itself never uses them.
 */
import { lunr, registerPipeline } from '../../../hub/search/analysis/index.js';
import { createFieldBuilder, sortForIndex } from '../../../hub/search/build-index.js';
import { getFacetValues, getPartner, getSearchableText } from '../../../hub/search/internal/document-fields.js';
import type { Postings } from '../../../hub/search/internal/postings.js';
import type { QueryPlan } from '../../../hub/search/internal/query-plan.js';
import type { IndexableItem, PartnerMap, SearchIndex } from '../../../hub/search/index.js';

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
 * The same documents indexed by lunr itself (`Builder#add` and `#build`): the reference the
 * compact postings are tested against (it is the 3 GB build at 50k items).
 */
export function buildLunrReference(items: readonly IndexableItem[], partners: PartnerMap): lunr.Index {
  const builder = createFieldBuilder();
  sortForIndex(items).forEach(({ item }, doc) => {
    const partner = getPartner(partners, item.partnerId);
    builder.add({ ref: String(doc), ...getSearchableText(item, partner, getFacetValues(item, partner).commune) });
  });
  return builder.build();
}

/**
 * The same clauses through lunr's `index.query` (slow): on lunr's view of the index's
 * postings, or on `reference` (e.g. an index lunr built itself).
 */
export function queryWithLunr(
  index: SearchIndex,
  plan: QueryPlan,
  fields?: string[],
  reference?: lunr.Index,
): { doc: number; score: number }[] {
  const results = (reference ?? toLunrIndex(index.postings)).query((query) => {
    for (const [term, boost] of plan.clauses)
      query.term(term, { boost, usePipeline: false, ...(fields ? { fields } : {}) });
  });
  return results.map((r) => ({ doc: Number(r.ref), score: r.score }));
}
