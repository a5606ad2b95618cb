/**
 * Derivational families (generated from Grammalecte's lexicon with suffix rules): one pair
 * per rule class, table-driven. A query with one word finds a document holding only the
 * other, ranked below a document holding the word itself; the shipped data is what the
 * generator makes from the lexicon today.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeItem, ONE_PARTNER } from './corpus.js';
import { stemWord, foldWord } from '../../../hub/search/analysis/index.js';
import { buildSearchIndex, searchItems } from '../../../hub/search/index.js';
import { getDerivations } from '../../../hub/search/thesaurus/index.js';
import { DERIVATION_FAMILIES } from '../../../hub/search/thesaurus/derivations-data.js';
import { buildFamilies, deriveFamily, readLexicon } from '../../../hub/search/thesaurus/generate-derivations.js';

/** [class, word typed, word in the document] — each pair's stems differ, so only the family links them. */
const PAIRS: [string, string, string][] = [
  ['-er → past participle', 'licencier', 'licencié'],
  ['-yer → -iement (from the participle)', 'payé', 'paiement'],
  ['-er → -eur', 'employer', 'employeur'],
  ['-er → -age', 'hériter', 'héritage'],
  ['-er → -ier', 'hériter', 'héritier'],
  ['-ouer → -ocation', 'louer', 'location'],
  ['-ouer → -ocataire', 'louer', 'locataire'],
  ['-fier → -ficatif', 'justifier', 'justificatif'],
  ['-éder → -ession', 'succéder', 'succession'],
  ['-ire → -iption', 'inscrire', 'inscription'],
  ['-ire → -it', 'inscrire', 'inscrit'],
  ['-uire → -uction', 'construire', 'construction'],
  ['-ire → -ection', 'élire', 'élection'],
  ['-dre → -te', 'vendre', 'vente'],
  ['-dre → -du', 'perdre', 'perdu'],
  ['-aître → -aissance', 'naître', 'naissance'],
  ['-enir → -ention', 'obtenir', 'obtention'],
  ['-cevoir → -ception', 'recevoir', 'réception'],
  ['-cevoir → -çu', 'recevoir', 'reçu'],
  ['-vir → -vice', 'servir', 'service'],
  ['-rir → -erture', 'ouvrir', 'ouverture'],
  ['-rir → -ert', 'couvrir', 'couvert'],
  ['-ompre → -upture', 'rompre', 'rupture'],
  ['-mettre → -mission', 'transmettre', 'transmission'],
  ['noun → participle (reverse)', 'paiement', 'payé'],
  ['participle → noun', 'licencié', 'licenciement'],
];

describe('derivational families', () => {
  it.each(PAIRS)('%s: « %s » finds « %s », below the word itself', (_class, typed, derived) => {
    expect(stemWord(foldWord(typed))).not.toBe(stemWord(foldWord(derived)));
    const index = buildSearchIndex(
      [
        makeItem('derived', `Démarche : ${derived} du dossier`),
        makeItem('exact', `Démarche : ${typed} le dossier`),
        makeItem('other', 'Démarche sans rapport du dossier'),
      ],
      ONE_PARTNER,
    );
    const hits = searchItems(index, { q: `${typed} ` }).items;
    expect(hits.map((h) => h.id)).toEqual(['exact', 'derived']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('are indexed by stem, both ways', () => {
    const derivations = getDerivations();
    expect(derivations.get(stemWord('inscrire'))).toEqual(
      expect.arrayContaining([stemWord('inscription'), stemWord('inscrit')]),
    );
    expect(derivations.get(stemWord('inscription'))).toContain(stemWord('inscrire'));
  });

  it('keep out words that rules make from an unrelated verb', () => {
    const others = new Set(['portion', 'portage', 'notion', 'adoption']);
    expect(deriveFamily('porter', others)).toEqual(['porter', 'portage']);
    expect(deriveFamily('noter', others)).toEqual(['noter']);
    expect(deriveFamily('adopter', others)).toEqual(['adopter', 'adoption']);
  });

  it('tell verbs from other words by their Hunspell flags', () => {
    const lexicon = readLexicon('4\nrésilier/a0p+\nrésiliation/S.\nrésilience/S.\nParis/L\n');
    expect(lexicon.verbs).toEqual(['resilier']);
    expect([...lexicon.others].sort()).toEqual(['resiliation', 'resilience']);
  });

  it('ship exactly what the generator makes from the lexicon', () => {
    const folder = dirname(createRequire(import.meta.url).resolve('dictionary-fr'));
    const families = buildFamilies(readLexicon(readFileSync(join(folder, 'index.dic'), 'utf8')));
    expect(DERIVATION_FAMILIES.trim().split('\n')).toEqual(families.map((f) => f.join(' ')));
  });
});
