/**
 * The scorer reads BM25 weights from lunr's postings instead of calling index.query; it
 * must rank and score exactly like lunr's own index.query with the same clauses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../hub/search/index.js';
import { planQuery } from '../../../hub/search/internal/query-plan.js';
import { queryWithLunr, runQuery } from '../../../hub/search/internal/run-query.js';
import { buildFullIndex } from './corpus.js';

let index: SearchIndex;
beforeAll(() => {
  index = buildFullIndex();
});

const QUERIES = ['permis de construire', 'carte identite', 'allocatoins', 'nou', 'Kaala Gomen', 'salarié congés payés préavis', 'été', 'droit'];

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
