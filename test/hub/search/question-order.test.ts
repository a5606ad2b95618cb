/**
 * A question fiche and the fiche whose « Questions ? Réponses ! » block lists it: the
 * question ranks above its fiche only when the query names a word the question adds to the
 * fiche's title, and a fiche yields to its question when the query names most of them.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  loadSearchIndex,
  searchItems,
  serializeSearchIndex,
  type IndexableItem,
} from '../../../hub/search/index.js';
import { collectQuestionParents } from '../../../hub/search/internal/question-order.js';

const url = (id: string) => `https://www.service-public.fr/particuliers/vosdroits/${id}`;

function fiche(id: string, title: string, content: string, questions: string[] = []): IndexableItem {
  const [first, ...more] = questions.map((q) => ({ title: q, url: url(q) }));
  return {
    id,
    partnerId: 'dila',
    url: url(id),
    title,
    content: `<p>${content}</p>`,
    type: 'procedure',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    publishedAt: '2024-01-01T00:00:00Z',
    ...(first ? { links: { questions: [first, ...more] } } : {}),
  };
}

const resignation = [
  fiche('F2883', 'Démission d’un salarié', 'Le salarié en CDI qui démissionne respecte un préavis.', ['F540']),
  fiche('F540', 'Peut-on démissionner pendant un congé parental ?', 'Oui, le salarié en CDI peut démissionner.'),
  fiche('F1906', 'Conclusion d’un contrat de travail', 'Le CDI est la forme normale du contrat.'),
];
const identity = [
  fiche(
    'F21089',
    'Renouvellement de la carte d’identité d’un majeur',
    'Renouveler sa carte d’identité périmée en mairie. Une carte délivrée il y a plus de 10 ans est périmée.',
    ['F32303'],
  ),
  fiche('F32303', 'Peut-on voyager avec une carte d’identité de plus de 10 ans ?', 'Selon le pays de destination.'),
];
// Other fiches, so that the fixture's words are rare as in a real corpus (BM25's idf).
const others = ['Permis de conduire', 'Carte grise', 'Allocations familiales', 'Congé maternité', 'Passeport'].map(
  (title, n) => fiche(`X${n}`, title, `Texte sur ${title}.`),
);
const partners = { dila: { name: 'DILA', kind: 'state' } };
const withoutLinks = (items: IndexableItem[]) => items.map(({ links: _links, ...rest }) => rest);
const ids = (items: IndexableItem[], q: string) =>
  searchItems(buildSearchIndex([...items, ...others], partners), { q }).items.map((h) => h.id);

describe('question fiches and the fiche that lists them', () => {
  it('collects, per document, the documents whose questions block links to it', () => {
    const parents = collectQuestionParents(
      [url('F1'), url('F2'), url('F3')],
      [[{ url: url('F2') }, { url: `${url('F3')}#x` }], [{ url: url('F3') }, { url: url('F2') }], []],
    );
    expect(parents).toEqual([null, [0], [0, 1]]);
  });

  it('ranks the fiche above its question when the query names none of the question’s own words', () => {
    // Without the link, the question (« démissionner » in its title) ranks first.
    expect(ids(withoutLinks(resignation), 'démissionner de mon cdi')[0]).toBe('F540');
    expect(ids(resignation, 'démissionner de mon cdi').slice(0, 2)).toEqual(['F2883', 'F540']);
  });

  it('keeps the question first when the query names a word of its own', () => {
    expect(ids(resignation, 'démissionner pendant un congé parental')[0]).toBe('F540');
  });

  it('lifts a question above its fiche when the query names most of its own words', () => {
    const q = 'renouveler carte identité de plus de 10 ans';
    expect(ids(withoutLinks(identity), q)[0]).toBe('F21089');
    expect(ids(identity, q).slice(0, 2)).toEqual(['F32303', 'F21089']);
  });

  it('hands the scores out again in the new order, and survives serialization', () => {
    const index = loadSearchIndex(serializeSearchIndex(buildSearchIndex([...resignation, ...others], partners)));
    const hits = searchItems(index, { q: 'démissionner de mon cdi' }).items;
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual(['F2883', 'F540']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
});
