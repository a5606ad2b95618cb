/** Anchor text: how the other items' links name an item is searched as that item's `anchors` field. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchItems, type IndexableItem } from '../../../hub/search/index.js';
import { collectAnchors, MAX_ANCHORS, normalizeUrl } from '../../../hub/search/internal/links.js';

function item(id: string, title: string, content = ''): IndexableItem {
  return {
    id,
    partnerId: 'p',
    url: `https://www.service-public.fr/particuliers/vosdroits/${id}`,
    title,
    content,
    type: 'procedure',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    publishedAt: '2024-01-01T00:00:00Z',
  };
}

const linkTo = (id: string, text: string) =>
  `<a href="https://www.service-public.fr/particuliers/vosdroits/${id}" rel="noopener noreferrer">${text}</a>`;

const items = [
  item('F31269', 'Dépôt de garantie d’un logement loué vide', '<p>Le bailleur le restitue.</p>'),
  item('F1', 'Fin du bail', `<p>Le propriétaire rend ${linkTo('F31269', 'la somme versée à l’entrée')}.</p>`),
  item('F2', 'Quitter son logement', `<p>Voir ${linkTo('F31269#situation', 'somme <em>versée</em> à l’entrée')}.</p>`),
  item('F3', 'Prêt bancaire', `<p>${linkTo('F3', 'Prêt bancaire')} ; ${linkTo('F999', 'hors corpus')}.</p>`),
];
const index = buildSearchIndex(items, { p: { name: 'DILA', kind: 'state' } });

describe('anchor text', () => {
  it('collects the distinct texts of the links to each item, not its own links nor links outside the corpus', () => {
    const anchors = collectAnchors(
      items.map((i) => i.url),
      items.map((i) => i.content),
    );
    expect(anchors).toEqual([['la somme versée à l’entrée', 'somme versée à l’entrée'], [], [], []]);
  });

  it("also reads the items' link blocks (« Voir aussi », questions), kept apart from their text", () => {
    const url = (id: string) => `https://www.service-public.fr/particuliers/vosdroits/${id}`;
    const anchors = collectAnchors(
      items.map((i) => i.url),
      items.map(() => ''),
      [
        [],
        [{ title: 'Caution & garantie <locative>', url: url('F31269') }],
        [{ title: 'Soi-même', url: url('F2') }],
        [],
      ],
    );
    expect(anchors).toEqual([['Caution & garantie <locative>'], [], [], []]);
  });

  it('keeps at most MAX_ANCHORS texts and leaves out bare addresses and sentences', () => {
    const links = Array.from({ length: MAX_ANCHORS + 5 }, (_, n) => linkTo('F9', `nom ${n}`));
    links.push(linkTo('F9', 'https://www.service-public.fr/x'), linkTo('F9', 'mot '.repeat(50)));
    const [, anchors] = collectAnchors(
      [items[0]!.url, `${items[0]!.url.slice(0, -6)}F9`],
      [links.reverse().join(' '), ''],
    );
    expect(anchors).toHaveLength(MAX_ANCHORS);
    expect(anchors!.every((a) => /^nom \d+$/.test(a))).toBe(true);
  });

  it('compares addresses without fragment, trailing slash, case of the host or http/https', () => {
    expect(normalizeUrl('http://WWW.Service-Public.fr/a/F1/#x')).toBe('https://www.service-public.fr/a/F1');
    expect(normalizeUrl('/relative?a=1&amp;b=2')).toBe('/relative?a=1&b=2');
  });

  it('finds an item by the words its neighbours link to it with, words it does not hold itself', () => {
    // F1 and F2 hold the words in their text (the link's), F31269 only as others name it.
    expect(searchItems(index, { q: 'somme versée' }).items[0]?.id).toBe('F31269');
    const elsewhere = items.map((i) => ({ ...i, content: i.content?.replaceAll('/F31269', '/F0') }));
    const unlinked = buildSearchIndex(elsewhere, { p: { name: 'DILA', kind: 'state' } });
    expect(searchItems(unlinked, { q: 'somme versée' }).items.map((h) => h.id)).not.toContain('F31269');
  });
});
