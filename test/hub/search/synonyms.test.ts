/**
 * Every entry of the shipped synonym list (everyday words and DILA's sigles), table-driven:
 * a query for a term finds the documents that hold only another term of the entry, and
 * the document holding the term itself ranks first.
 */
import { describe, expect, it } from 'vitest';
import { makeItem, ONE_PARTNER } from './corpus.js';
import {
  buildSearchIndex,
  createThesaurus,
  getShippedSynonyms,
  searchItems,
  type SynonymEntry,
} from '../../../hub/search/index.js';
import { compileSynonyms, isMatchable, parseSynonymText, stemTerm } from '../../../hub/search/thesaurus/index.js';

const thesaurus = createThesaurus();

/** True when every stem of `query` is among the stems of `term`: its document matches exactly. */
function holds(term: string, query: string): boolean {
  const stems = new Set(stemTerm(term));
  return stemTerm(query).every((s) => stems.has(s));
}

/**
 * One document per term of the entry; each term that expands is searched (the first only
 * for a one-way entry; terms of more than MAX_MATCH_WORDS words are never matched, only found).
 */
function checkEntry(entry: SynonymEntry): string[] {
  const problems: string[] = [];
  const index = buildSearchIndex(
    entry.terms.map((term, i) => makeItem(`t${i}`, term)),
    ONE_PARTNER,
  );
  const queries = (entry.oneWay ? [0] : entry.terms.map((_t, i) => i)).filter((i) => isMatchable(entry.terms[i]!));
  for (const q of queries) {
    const query = entry.terms[q]!;
    const hits = searchItems(index, { q: `${query} `, limit: 50 }, thesaurus).items;
    const ids = hits.map((h) => h.id);
    for (let other = 0; other < entry.terms.length; other++) {
      if (other === q || (entry.oneWay && other === 0)) continue;
      if (!ids.includes(`t${other}`)) problems.push(`« ${query} » does not find « ${entry.terms[other]} »`);
    }
    const exact = hits.find((h) => h.id === `t${q}`);
    if (!exact) problems.push(`« ${query} » does not find itself`);
    // Documents found only through the synonym (they do not hold the query's own words) rank below.
    const below = hits.filter((h) => !holds(entry.terms[Number(h.id.slice(1))]!, query));
    if (exact && below.some((h) => h.score >= exact.score))
      problems.push(`« ${query} »: a synonym ranks with or above the exact match`);
  }
  return problems;
}

describe('shipped synonyms', () => {
  const entries = getShippedSynonyms();

  it('ships everyday words and DILA sigles, each with its provenance', () => {
    expect(entries.filter((e) => e.id.startsWith('shipped:everyday:')).length).toBeGreaterThanOrEqual(100);
    expect(entries.filter((e) => e.id.startsWith('shipped:dila:')).length).toBeGreaterThan(250);
    for (const e of entries) expect(e.source).toMatch(/\S/);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s expands and matches, below the exact term', (_id, entry) => {
    expect(checkEntry(entry)).toEqual([]);
  });
});

describe('synonym text and rules', () => {
  it('reads equivalent, one-way and sigle lines, skipping comments', () => {
    const parsed = parseSynonymText(
      '# titre\nmutuelle, complémentaire santé\narrêt maladie => arrêt de travail, indemnités journalières\nDirection = Direction régionale, de l’emploi\n',
      'x',
      'test',
    );
    expect(parsed.map(({ terms, oneWay }) => ({ terms, oneWay }))).toEqual([
      { terms: ['mutuelle', 'complémentaire santé'], oneWay: false },
      { terms: ['arrêt maladie', 'arrêt de travail', 'indemnités journalières'], oneWay: true },
      { terms: ['Direction', 'Direction régionale, de l’emploi'], oneWay: false },
    ]);
    expect(parsed[0]!.id).toBe('shipped:x:mutuelle');
  });

  it('compiles terms to stems, folded and without stop words, both ways unless one way', () => {
    const table = compileSynonyms([
      { id: 'a', terms: ['Mutuelle', 'complémentaire santé'], oneWay: false, source: 't' },
      { id: 'b', terms: ['arrêt maladie', 'indemnités journalières'], oneWay: true, source: 't' },
    ]);
    expect(stemTerm('Indemnités journalières')).toEqual(stemTerm('indemnite journaliere'));
    expect(table.byFirst.get(stemTerm('mutuelle')[0]!)?.[0]?.alternatives).toEqual([stemTerm('complémentaire santé')]);
    expect(table.byFirst.get(stemTerm('complémentaire')[0]!)?.[0]?.alternatives).toEqual([stemTerm('mutuelle')]);
    expect(table.byFirst.has(stemTerm('indemnités')[0]!)).toBe(false);
  });
});
