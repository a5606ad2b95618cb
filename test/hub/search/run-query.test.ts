/**
 * The scorer reads BM25 weights from compact typed-array postings instead of calling lunr's
 * index.query; it must rank and score exactly like lunr's own index.query with the same
 * clauses — on an index lunr built itself (Builder#add, #build) and on lunr's view of the
 * compact postings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { lunr } from '../../../hub/search/analysis/index.js';
import type { SearchIndex } from '../../../hub/search/index.js';
import { planQuery } from '../../../hub/search/internal/query-plan.js';
import { runQuery } from '../../../hub/search/internal/run-query.js';
import { buildLunrReference, queryWithLunr } from './lunr-reference.js';
import { buildFullIndex, loadDilaCorpus, NC_NEWS, PARTNERS } from './corpus.js';

let index: SearchIndex;
let reference: lunr.Index;
beforeAll(() => {
  index = buildFullIndex();
  reference = buildLunrReference([...loadDilaCorpus(), ...NC_NEWS], PARTNERS);
});

type LunrInternals = {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
};

const QUERIES = [
  'permis de construire',
  'carte identite',
  'allocatoins',
  'nou',
  'Kaala Gomen',
  'salarié congés payés préavis',
  'été',
  'droit',
];

describe('runQuery', () => {
  it.each(QUERIES)('scores %j like lunr index.query', (q) => {
    const plan = planQuery(index, q);
    const ours = runQuery(index, plan);
    const theirs = new Map(queryWithLunr(index, plan).map((r) => [r.doc, r.score]));
    expect(ours.docs.length).toBeGreaterThan(0);
    for (const [i, doc] of ours.docs.entries()) {
      expect(theirs.has(doc)).toBe(true);
      expect(ours.scores[i]).toBeCloseTo(theirs.get(doc)!, 6);
    }
    if (ours.matchedAll) expect(ours.docs.length).toBeLessThanOrEqual(theirs.size);
    else expect(ours.docs.length).toBe(theirs.size);
  });

  it.each(QUERIES)('scores %j like an index lunr built itself', (q) => {
    const plan = planQuery(index, q);
    const ours = runQuery(index, plan);
    const theirs = new Map(queryWithLunr(index, plan, undefined, reference).map((r) => [r.doc, r.score]));
    expect(ours.docs.length).toBeGreaterThan(0);
    for (const [i, doc] of ours.docs.entries()) {
      expect(theirs.has(doc)).toBe(true);
      expect(ours.scores[i]).toBeCloseTo(theirs.get(doc)!, 9);
    }
    if (ours.matchedAll) expect(ours.docs.length).toBeLessThanOrEqual(theirs.size);
    else expect(ours.docs.length).toBe(theirs.size);
  });

  it("holds exactly lunr's BM25 weights, for every term, field and document", () => {
    const { invertedIndex, fieldVectors } = reference as unknown as LunrInternals;
    const termByIndex: string[] = [];
    for (const term in invertedIndex) termByIndex[invertedIndex[term]!._index] = term;
    const theirs = new Map<string, number>();
    for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
      const [field, ref] = fieldRef.split('/');
      for (let i = 0; i < vector.elements.length; i += 2)
        theirs.set(`${termByIndex[vector.elements[i]!]}|${field}|${ref}`, vector.elements[i + 1]!);
    }
    const { terms, fields, offsets, docs, weights } = index.postings;
    const ours = new Map<string, number>();
    terms.forEach((term, t) =>
      fields.forEach((field, f) => {
        for (let p = offsets[t * fields.length + f]!; p < offsets[t * fields.length + f + 1]!; p++)
          ours.set(`${term}|${field}|${docs[p]}`, weights[p]! / 1000);
      }),
    );
    expect(ours.size).toBeGreaterThan(10_000);
    expect(ours).toEqual(theirs);
  });

  it('restricts to fields like lunr', () => {
    const plan = planQuery(index, 'permis');
    const ours = runQuery(index, plan, ['title']);
    const theirs = queryWithLunr(index, plan, ['title']);
    expect(new Set(ours.docs)).toEqual(new Set(theirs.map((r) => r.doc)));
  });

  it('leaves no state behind between queries', () => {
    const plan = planQuery(index, 'permis');
    expect(runQuery(index, plan)).toEqual(runQuery(index, plan));
  });
});
