/**
 * Changes laid over a full index (search-layered.ts): a new item, a withdrawn one and an
 * edited one laid over the NC news index must search, list, page, count facets and
 * complete as a full build of the changed corpus does.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOverlay,
  buildOverlayInSlices,
  buildSearchIndex,
  searchItems,
  searchLayered,
  suggestLayered,
  getShippedThesaurus,
  type IndexableItem,
  type SearchParams,
} from '../../../hub/search/index.js';
import { loadDilaCorpus, NC_NEWS, PARTNERS } from './corpus.js';

const ADDED: IndexableItem = {
  id: 'nc-noumea-navette',
  partnerId: 'noumea',
  url: 'https://noumea.example.nc/actualites/navette',
  title: "Navette maritime entre Nouméa et l'îlot Maître",
  summary: 'Une navette relie chaque week-end la baie de la Moselle aux îlots.',
  type: 'news',
  topics: ['transports'],
  audience: ['particuliers'],
  territory: { scope: 'commune', communes: ['98818'] },
  publishedAt: '2025-02-01T08:00:00+11:00',
  status: 'published',
};
const WITHDRAWN = 'nc-noumea-bus';
const EDITED: IndexableItem = {
  ...NC_NEWS.find((i) => i.id === 'nc-gouv-vaccination')!,
  title: 'Campagne de vaccination contre la dengue',
  summary: 'La vaccination contre la dengue est gratuite pour les enfants.',
};

const base = buildSearchIndex(NC_NEWS, PARTNERS);
const overlay = buildOverlay(base, [ADDED, EDITED], [ADDED.id, WITHDRAWN, EDITED.id], PARTNERS);
const after = [...NC_NEWS.filter((i) => i.id !== WITHDRAWN && i.id !== EDITED.id), EDITED, ADDED];
const full = buildSearchIndex(after, PARTNERS);
const thesaurus = getShippedThesaurus();

const layered = (params: SearchParams) => searchLayered(base, overlay, params, thesaurus);
const rebuilt = (params: SearchParams) => searchItems(full, params, thesaurus);
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('changes laid over a full index', () => {
  it('lists, pages and counts facets as a full build of the changed items does', () => {
    for (const params of [
      { limit: 100 },
      { limit: 5, page: 2 },
      { partner: ['noumea'], limit: 100 },
      { topic: ['transports', 'sante'], commune: ['98818'], limit: 100 },
      { q: 'vaccination', sort: 'date' as const },
    ]) {
      const [got, want] = [layered(params), rebuilt(params)];
      expect(ids(got), JSON.stringify(params)).toEqual(ids(want));
      expect(got.total).toBe(want.total);
      expect(got.facets).toEqual(want.facets);
    }
    expect(ids(layered({ limit: 1 }))).toEqual([ADDED.id]);
  });

  it('shadows withdrawn and edited items of the full index', () => {
    expect(base.docById.has(WITHDRAWN)).toBe(true);
    expect(ids(layered({ q: 'Tanéo' }))).not.toContain(WITHDRAWN);
    expect(layered({ partner: ['noumea'], limit: 100 }).items.some((i) => i.id === WITHDRAWN)).toBe(false);
    // The old title's word no longer finds the edited item through its title; its new one does.
    expect(layered({ q: 'grippe' }).items.find((i) => i.id === EDITED.id)).toBeUndefined();
    const dengue = layered({ q: 'dengue' });
    expect(ids(dengue)).toEqual([EDITED.id]);
    expect(dengue.items[0]!.title).toBe(EDITED.title);
    expect(dengue.items[0]!.snippet).toContain('<mark>');
  });

  it('merges the two layers by rank, with scores close to a full build', () => {
    for (const q of ['vaccination', 'navette maritime', 'Nouméa', 'transports']) {
      const [got, want] = [layered({ q, limit: 100 }), rebuilt({ q, limit: 100 })];
      expect(new Set(ids(got)), q).toEqual(new Set(ids(want)));
      expect(ids(got)[0], q).toBe(ids(want)[0]);
      const scores = got.items.map((i) => i.score);
      expect(scores, q).toEqual([...scores].sort((a, b) => b - a));
    }
    // Statistics of the whole corpus (shadowed documents out): the new item scores as in a full build.
    const mine = layered({ q: 'navette' }).items[0]!;
    const theirs = rebuilt({ q: 'navette' }).items[0]!;
    expect(mine.id).toBe(ADDED.id);
    expect(mine.score / theirs.score).toBeGreaterThan(0.97);
    expect(mine.score / theirs.score).toBeLessThan(1.03);
  });

  it('offers a corrected spelling and completions from both layers', () => {
    expect(layered({ q: 'navete' }).items.map((i) => i.id)).toContain(ADDED.id);
    const titles = suggestLayered(base, overlay, 'navet').titles.map((t) => t.id);
    expect(titles).toEqual([ADDED.id]);
    expect(suggestLayered(base, overlay, 'nouvelles lig').titles.map((t) => t.id)).not.toContain(WITHDRAWN);
  });

  it('lays nothing but withdrawals when no changed item is published', () => {
    const only = buildOverlay(base, [], [WITHDRAWN], PARTNERS);
    expect(only.delta.size).toBe(0);
    const got = searchLayered(base, only, { limit: 100 }, thesaurus);
    expect(got.total).toBe(base.size - 1);
    expect(ids(got)).not.toContain(WITHDRAWN);
  });
});

describe('an overlay built in slices (a catch-up on the main thread)', () => {
  it('gives the same results as one built at once, and lets the event loop run meanwhile', async () => {
    // Hundreds of rich DILA fiches changed at once: far more than one 10 ms slice of work.
    const fiches = loadDilaCorpus();
    const ids = fiches.map((f) => f.id);
    const atOnce = buildOverlay(base, fiches, ids, PARTNERS);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const sliced = await buildOverlayInSlices(base, fiches, ids, PARTNERS);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
    expect(sliced.changed).toBe(atOnce.changed);
    expect(sliced.delta.size).toBe(atOnce.delta.size);
    const thesaurus = getShippedThesaurus();
    for (const q of ['carte grise', 'allocations familiales', 'vaccination', 'permis de conduire'])
      expect(searchLayered(base, sliced, { q, limit: 10 }, thesaurus)).toEqual(
        searchLayered(base, atOnce, { q, limit: 10 }, thesaurus),
      );
  });
});
