/**
 * Filters, facets, sort and paging on the NC news fixtures. Facet counts are disjunctive:
 * the count of a value equals the total of the same search with that facet's filter
 * replaced by the value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FACET_NAMES,
  searchItems,
  type FacetName,
  type IndexableItem,
  type SearchIndex,
  type SearchParams,
} from '../../../hub/search/index.js';
import { buildNewsIndex, NC_NEWS, PARTNERS } from './corpus.js';

let index: SearchIndex;
beforeAll(() => {
  index = buildNewsIndex();
});

const published = NC_NEWS.filter((i) => i.status === 'published');
const ids = (params: SearchParams) =>
  searchItems(index, { limit: 100, ...params })
    .items.map((h) => h.id)
    .sort();
const idsWhere = (keep: (item: IndexableItem) => boolean) =>
  published
    .filter(keep)
    .map((i) => i.id)
    .sort();

describe('facet counts', () => {
  const SEARCHES: SearchParams[] = [
    {},
    { q: 'transports' },
    { q: 'fête' },
    { type: ['news'] },
    { type: ['news', 'event'], province: ['sud'] },
    { commune: ['98818'], audience: ['particuliers'] },
    { q: 'travaux', partnerKind: ['province', 'commune'] },
    { topic: ['transports', 'culture'], from: new Date('2024-06-01T00:00:00Z') },
  ];

  it.each(SEARCHES)('equal the totals of the refined searches: %o', (params) => {
    const { facets } = searchItems(index, params);
    let checked = 0;
    for (const name of FACET_NAMES) {
      for (const [value, count] of Object.entries(facets[name])) {
        expect(searchItems(index, { ...params, [name]: [value] }).total, `${name}=${value}`).toBe(count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('count every published item once per single-valued facet when unfiltered', () => {
    const { facets, total } = searchItems(index, {});
    expect(total).toBe(published.length);
    for (const name of ['partner', 'type'] as FacetName[]) {
      expect(Object.values(facets[name]).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('keep showing the siblings of a selected value', () => {
    const { facets, total } = searchItems(index, { type: ['news'] });
    expect(total).toBe(facets.type.news);
    expect(facets.type.event).toBeGreaterThan(0);
  });

  it('show a selected value that matches nothing with 0', () => {
    const result = searchItems(index, { partner: ['nobody'] });
    expect(result.total).toBe(0);
    expect(result.facets.partner.nobody).toBe(0);
    expect(result.facets.partner.noumea).toBeGreaterThan(0); // its own facet ignores its filter
    expect(result.facets.type).toEqual({}); // the others see no result
  });
});

describe('filters', () => {
  it('OR values within a filter and AND filters together', () => {
    expect(ids({ type: ['news', 'event'] })).toEqual(idsWhere((i) => i.type === 'news' || i.type === 'event'));
    expect(ids({ type: ['news'], audience: ['professionnels'] })).toEqual(
      idsWhere((i) => i.type === 'news' && i.audience.includes('professionnels')),
    );
    expect(ids({ q: 'transports', type: ['alert'] })).toEqual(['nc-kaala-route']);
  });

  it('match a commune through the territory or the partner commune, not the nc scope', () => {
    const inNoumea = (i: IndexableItem) =>
      Boolean(i.territory.communes?.includes('98818') || PARTNERS[i.partnerId]?.communeCode === '98818');
    expect(ids({ commune: ['98818'] })).toEqual(idsWhere(inNoumea));
    expect(ids({ commune: ['98818'] })).not.toContain('nc-gouv-cyclone');
    expect(ids({ commune: ['98805'] })).toEqual(['nc-dumbea-permis-construire', 'nc-noumea-bus', 'nc-opt-fibre']);
  });

  it('match a province through territory, communes or partner, not the nc scope', () => {
    const north = ids({ province: ['nord'] });
    expect(north).toEqual(['nc-kaala-foire', 'nc-kaala-route', 'nc-koumac-marche', 'nc-nord-emploi']);
    const south = ids({ province: ['sud'] });
    expect(south).toContain('nc-sud-bourses'); // territory.province
    expect(south).toContain('nc-idp-eau'); // commune 98809 is in the south
    expect(south).toContain('nc-opt-fibre'); // a public body's item about Dumbéa
    expect(south).not.toContain('nc-gouv-recensement'); // scope nc
    expect(ids({ province: ['iles'] })).toEqual(['nc-iles-lifou-vanille', 'nc-iles-transport']);
  });

  it('filter by partner kind', () => {
    expect(ids({ partnerKind: ['public-body'] })).toEqual(idsWhere((i) => ['cafat', 'opt-nc'].includes(i.partnerId)));
  });

  it('filter by date, bounds included, undated items out', () => {
    const from = new Date('2024-10-02T07:00:00+11:00');
    const to = new Date('2024-10-25T08:00:00+11:00');
    const expected = idsWhere(
      (i) =>
        Boolean(i.publishedAt) &&
        Date.parse(i.publishedAt!) >= from.getTime() &&
        Date.parse(i.publishedAt!) <= to.getTime(),
    );
    expect(ids({ from, to })).toEqual(expected);
    expect(expected).toContain('nc-idp-eau');
    expect(expected).toContain('nc-iles-lifou-vanille');
    expect(ids({ from: new Date('2000-01-01') })).not.toContain('nc-sud-undated');
    expect(ids({ from: to, to: from })).toEqual([]);
  });

  it('never return a withdrawn item', () => {
    expect(ids({})).not.toContain('nc-noumea-retire');
    expect(ids({ q: 'piscine Ouen-Toro annonce retirée' })).not.toContain('nc-noumea-retire');
    expect(index.docById.has('nc-noumea-retire')).toBe(false);
  });
});

describe('listing, sort and paging', () => {
  it('lists newest first without q, undated last', () => {
    const { items } = searchItems(index, { limit: 100 });
    const dates = items.map((h) => (h.date ? Date.parse(h.date) : -Infinity));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items[0]!.id).toBe('nc-gouv-cyclone');
    expect(items.at(-1)!.id).toBe('nc-sud-undated');
    expect(items.every((h) => h.score === 0)).toBe(true);
  });

  it('sorts a query by date on request', () => {
    const byScore = searchItems(index, { q: 'transports' });
    const byDate = searchItems(index, { q: 'transports', sort: 'date' });
    expect(byDate.total).toBe(byScore.total);
    const dates = byDate.items.map((h) => Date.parse(h.date!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(byDate.items.every((h) => h.score > 0)).toBe(true);
    expect(new Set(byDate.items.map((h) => h.id))).toEqual(new Set(byScore.items.map((h) => h.id)));
  });

  it('pages without overlap or gap', () => {
    const all = searchItems(index, { limit: 100 }).items.map((h) => h.id);
    const pages = [1, 2, 3, 4, 5, 6].flatMap((page) => searchItems(index, { page, limit: 5 }).items.map((h) => h.id));
    expect(pages).toEqual(all);
    const ranked = searchItems(index, { q: 'province', limit: 100 }).items.map((h) => h.id);
    const rankedPages = [1, 2, 3].flatMap((page) =>
      searchItems(index, { q: 'province', page, limit: 2 }).items.map((h) => h.id),
    );
    expect(rankedPages).toEqual(ranked.slice(0, 6));
  });

  it('clamps limit to 1..100 and returns an empty page past the end', () => {
    expect(searchItems(index, { limit: 1000 }).limit).toBe(100);
    expect(searchItems(index, { limit: 0 }).items).toHaveLength(1);
    const past = searchItems(index, { page: 50, limit: 20 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(published.length);
  });

  it('returns the stored fields a listing needs', () => {
    const hit = searchItems(index, { q: 'piscine mont-dore' }).items[0]!;
    expect(hit).toMatchObject({
      id: 'nc-montdore-piscine',
      title: 'Réouverture de la piscine municipale du Mont-Dore',
      partnerId: 'le-mont-dore',
      url: 'https://mont-dore.example.nc/actualites/piscine-boulari',
      type: 'news',
      topics: ['sport', 'equipements-publics'],
      date: '2024-08-04T22:00:00.000Z',
      stats: { likes: 25, comments: 4 },
    });
    expect(hit.summary).toMatch(/^Après six mois/);
  });
});
