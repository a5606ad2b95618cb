/** Ranking rules on a tiny corpus: fields, exact over prefix over typo, as-you-type. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchItems, type IndexableItem } from '../../../hub/search/index.js';

function item(id: string, title: string, summary = '', content = ''): IndexableItem {
  return {
    id,
    partnerId: 'p',
    url: `https://x.nc/${id}`,
    title,
    summary,
    content,
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    publishedAt: '2024-01-01T00:00:00Z',
  };
}

const index = buildSearchIndex(
  [
    item('port', 'Le port autonome'),
    item('portail', 'Le portail famille'),
    item('title', 'Récolte du santal', 'Une filière.', '<p>Rien.</p>'),
    item('summary', 'Une filière', 'La récolte du santal reprend.', '<p>Rien.</p>'),
    item('content', 'Une autre filière', 'Rien.', '<p>La récolte du santal dans le nord.</p>'),
    item('equipement', 'Subvention équipement sportif'),
    item('equipage', 'Équipage de la pirogue'),
  ],
  { p: { name: 'Partenaire', kind: 'other' } },
);

const order = (q: string) => searchItems(index, { q }).items.map((h) => h.id);

describe('ranking', () => {
  it('weighs title over summary over content', () => {
    expect(order('santal ')).toEqual(['title', 'summary', 'content']);
  });

  it('ranks an exact word above words it prefixes', () => {
    expect(order('port')).toEqual(['port', 'portail']);
  });

  it('expands the last word as a prefix only while typing', () => {
    expect(order('autono')).toEqual(['port']);
    expect(order('autono ')).toEqual([]);
  });

  it('needs 3 letters before expanding a prefix', () => {
    expect(order('po')).toEqual([]);
  });

  it('forgives one typo from 5 letters and two from 9, not more', () => {
    expect(order('pirgue ')).toEqual(['equipage']);
    expect(order('equipemnt ')).toEqual(['equipement']);
    expect(order('eqiupmeent ')).toEqual(['equipement']); // 2 typos, 10 letters
    expect(order('pirgeu ')).toEqual([]); // 2 typos, 6 letters
  });

  it('keeps the first letter of a word fixed for typos', () => {
    expect(order('qiuipage ')).toEqual([]);
  });
});
