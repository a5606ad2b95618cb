/**
 * Relevance on French content: real DILA fiches plus NC news. Each query must put the
 * expected item in the top 3, whatever the accents, plurals, typos and word order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchItems, type SearchIndex } from '../../../hub/search/index.js';
import { buildFullIndex, loadDilaCorpus, NC_NEWS } from './corpus.js';

let index: SearchIndex;
beforeAll(() => {
  index = buildFullIndex();
});

/** Folded full text of a corpus item, to check what a hit really contains. */
function fullText(id: string): string {
  const item = [...loadDilaCorpus(), ...NC_NEWS].find((i) => i.id === id)!;
  return `${item.title} ${item.summary ?? ''} ${item.content ?? ''}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

const CASES: [kind: string, q: string, expected: string][] = [
  ['exact title', 'permis de construire', 'F1986'],
  ['exact title', 'acte de naissance', 'F1427'],
  ['elision', "carte d'identité", 'F34487'],
  ['curly apostrophe', 'carte d’identité', 'F34487'],
  ['multi-word', 'passeport urgence majeur', 'F1373'],
  ['plural', 'casiers judiciaires', 'F14710'],
  ['plural', 'baremes impots revenus', 'F1419'],
  ['no accents', 'inscription listes electorales', 'F1367'],
  ['no accents', 'depot de garantie location', 'F31269'],
  ['no accents', 'arret maladie demarches', 'F303'],
  ['upper case', 'PREFECTURE ASILE', 'F2232'],
  ['verb form', 'se pacser', 'F1618'],
  ['word order', 'mariage contrat', 'F948'],
  ['stemming', 'voter par procuration', 'F1604'],
  ['multi-word', 'prime activite salarie', 'F2882'],
  ['multi-word', 'bourse etudiant criteres sociaux', 'F12214'],
  ['typo (1)', 'equipemnt chauffage', 'F20760'],
  ['typo (2, long word)', 'imatriculatoin vehicule', 'F10477'],
  ['typo (transposition)', 'allocatoins familiales', 'F13213'],
  ['as you type', 'conges payes preav', 'F2930'],
  ['place: elided and hyphenated', "L'Île-des-Pins", 'nc-idp-pirogues'],
  ['place: no accents, no hyphens', 'ile des pins pirogue', 'nc-idp-pirogues'],
  ['place: hyphenated', 'Mont-Dore piscine', 'nc-montdore-piscine'],
  ['place: spaces', 'mont dore encombrants', 'nc-montdore-dechets'],
  ['place: two words', 'Kaala Gomen', 'nc-kaala-foire'],
  ['place: one part', 'gomen foire', 'nc-kaala-foire'],
  ['place: accents', 'Nouméa bus', 'nc-noumea-bus'],
  ['place: no accents', 'noumea etat civil', 'nc-noumea-etat-civil'],
  ['place: commune name from territory', 'koné emploi', 'nc-nord-emploi'],
  ['noun kept out of the stop list', 'été', 'nc-noumea-vacances-ete'],
  ['accented initial', 'Été centres de loisirs', 'nc-noumea-vacances-ete'],
  ['partner name', 'cafat allocations', 'nc-cafat-allocations'],
  ['topic', 'meteo cyclone', 'nc-gouv-cyclone'],
  ['stemmed verb', 'vacciner grippe', 'nc-gouv-vaccination'],
  ['as you type, place', 'fete vanille lif', 'nc-iles-lifou-vanille'],
];

describe('relevance (DILA fiches + NC news)', () => {
  it.each(CASES)('%s: %s → %s in the top 3', (_kind, q, expected) => {
    const top = searchItems(index, { q, limit: 3 }).items.map((hit) => hit.id);
    expect(top).toContain(expected);
  });

  it('has at least 25 relevance cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('ranks an exact word above a typo-corrected one', () => {
    // `allocation` is exact in F13213 and nc-cafat-allocations; typo matches come later.
    const exact = searchItems(index, { q: 'allocation familiale ' });
    const typo = searchItems(index, { q: 'allocatoin familiale ' });
    expect(exact.items[0]!.score).toBeGreaterThan(typo.items[0]!.score);
  });

  it('returns only items holding every word when some do', () => {
    const { items, total } = searchItems(index, { q: 'carte identité', limit: 100 });
    expect(total).toBeGreaterThan(3);
    for (const hit of items) {
      expect(fullText(hit.id)).toMatch(/\bcartes?\b/);
      expect(fullText(hit.id)).toMatch(/identit/);
    }
  });

  it('falls back to any word when no item matches them all', () => {
    const { total, items } = searchItems(index, { q: 'pirogue chaudière' });
    expect(total).toBeGreaterThan(0);
    expect(items.map((h) => h.id)).toContain('nc-idp-pirogues');
  });

  it('ignores a word found nowhere, keeping the others required', () => {
    const { items } = searchItems(index, { q: 'zzqxw permis construire' });
    expect(items[0]!.id).toBe('F1986');
  });
});
