/**
 * Queries as citizens type them: words of a question, synonyms and sigles, phrases that
 * stand for other phrases, the source's own citizens' wording (keywords), « vous vouliez
 * dire », and a pasted paragraph.
 */
import { describe, expect, it } from 'vitest';
import { makeItem, ONE_PARTNER } from './corpus.js';
import {
  buildSearchIndex,
  createThesaurus,
  EMPTY_THESAURUS,
  searchItems,
  truncateQuery,
} from '../../../hub/search/index.js';

const index = buildSearchIndex(
  [
    makeItem('ij', 'Indemnités journalières versées au salarié', {
      content: '<p>La caisse verse des indemnités journalières pendant l’arrêt de travail.</p>',
    }),
    makeItem('arret', 'Arrêt maladie : démarches à effectuer', {
      content: '<p>Envoyez l’avis d’arrêt maladie à la caisse primaire d’assurance maladie.</p>',
    }),
    makeItem('css', 'Complémentaire santé solidaire', { summary: 'Une aide pour payer sa complémentaire santé.' }),
    makeItem('mutuelle', 'Mutuelle d’entreprise : peut-on la refuser ?'),
    makeItem('cpam', 'Caisse primaire d’assurance maladie : vos contacts'),
    makeItem('smic', 'Salaire minimum interprofessionnel de croissance (Smic)'),
    makeItem('permis', 'Permis de construire', {
      keywords: ['Faut-il une autorisation pour construire un abri de jardin ?'],
    }),
    makeItem('abri', 'Abri de jardin : quelles règles ?', { summary: 'Les règles pour un abri de jardin.' }),
    makeItem('passeport', 'Passeport en urgence', { summary: 'Obtenir un passeport rapidement.' }),
    makeItem('loyer', 'Révision du loyer en cours de bail', {
      content: '<p>Le propriétaire peut réviser le loyer.</p>',
    }),
  ],
  ONE_PARTNER,
);
const ids = (q: string, thesaurus = createThesaurus()) => searchItems(index, { q }, thesaurus).items.map((h) => h.id);

describe('citizen queries', () => {
  it('drops the words that only frame a question', () => {
    expect(ids('comment je peux avoir un passeport rapidement ?')[0]).toBe('passeport');
  });

  it('matches a one-word synonym, below the exact word', () => {
    const found = searchItems(index, { q: 'mutuelle ' }).items;
    expect(found.map((h) => h.id)).toEqual(['mutuelle', 'css']);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(ids('mutuelle ', EMPTY_THESAURUS)).toEqual(['mutuelle']);
  });

  it('matches a phrase that stands for another phrase (one way)', () => {
    expect(ids('arret maladie ')).toEqual(expect.arrayContaining(['arret', 'ij']));
    expect(ids('arret maladie ')[0]).toBe('arret');
    expect(ids('indemnites journalieres ')).not.toContain('arret');
  });

  it('matches a sigle and its full name, both ways', () => {
    expect(ids('cpam ')).toContain('cpam');
    expect(ids('SMIC ')).toContain('smic');
    expect(ids('salaire minimum interprofessionnel de croissance ')).toContain('smic');
  });

  it('matches everyday words (proprio → propriétaire, bailleur)', () => {
    expect(ids('mon proprio augmente le loyer')).toContain('loyer');
  });

  it('searches the source’s citizens’ wording, below a title match', () => {
    const found = searchItems(index, { q: 'abri de jardin ' }).items.map((h) => h.id);
    expect(found.slice(0, 2)).toEqual(['abri', 'permis']);
  });

  it('lists a strong title match that misses a word of a long question', () => {
    // No item holds « rapidement », « urgent » and « voyage » together; the passport fiche leads.
    expect(ids('passeport urgent pour un voyage')[0]).toBe('passeport');
  });

  it('offers « vous vouliez dire » from the index vocabulary when few items match', () => {
    const result = searchItems(index, { q: 'pasport urgance' });
    expect(result.didYouMean).toBe('passeport urgence');
    expect(searchItems(index, { q: 'passeport' }).didYouMean).toBeUndefined();
    expect(searchItems(index, { q: 'zzzzqqq' }).didYouMean).toBeUndefined();
  });

  it('searches a 1,000-character paste (cut at a word)', () => {
    const paste = `Bonjour, mon arrêt maladie a commencé hier et je voudrais savoir ${'ce que je dois faire maintenant '.repeat(40)}`;
    expect(paste.length).toBeGreaterThanOrEqual(1000);
    const { text, truncated } = truncateQuery(paste.slice(0, 1000));
    expect(truncated).toBe(true);
    expect(searchItems(index, { q: paste.slice(0, 1000) }).total).toBeGreaterThan(0);
    expect(searchItems(index, { q: text }).items[0]!.id).toBe('arret');
  });
});
