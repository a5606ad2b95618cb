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

describe('a partner edit laid over the full index from what it holds (no item read back)', () => {
  // Name, short name, kind and commune change: the items' `meta` text and their kind,
  // commune and province facets follow; their own text is carried over from the full index.
  const edited = {
    ...PARTNERS,
    noumea: {
      name: 'Ville lagonaire de Nouméa',
      shortName: 'VLN',
      kind: 'public-body',
      province: 'sud',
      communeCode: '98817',
    },
  };
  // The partner's documents in the full index (its withdrawn item is not one).
  const relaid = base.docs.ids.filter((_id, doc) => base.docs.partnerIds[doc] === 'noumea');
  const overlay = buildOverlay(base, [ADDED], [ADDED.id, ...relaid], edited, relaid);
  const full = buildSearchIndex([...NC_NEWS, ADDED], edited);
  const layered = (params: SearchParams) => searchLayered(base, overlay, params, thesaurus);
  const rebuilt = (params: SearchParams) => searchItems(full, params, thesaurus);

  it('indexes the partner documents again in the delta, with their stored columns', () => {
    expect(overlay.delta.size).toBe(relaid.length + 1);
    const doc = overlay.delta.docById.get('nc-noumea-bus')!;
    const from = base.docById.get('nc-noumea-bus')!;
    expect(overlay.delta.docs.titles[doc]).toBe(base.docs.titles[from]);
    expect(overlay.delta.docs.excerpts[doc]).toBe(base.docs.excerpts[from]);
    expect(overlay.delta.docs.territories[doc]).toEqual(base.docs.territories[from]);
  });

  it('lists, pages and counts facets as a full build with the edited partner does', () => {
    for (const params of [
      { limit: 100 },
      { limit: 5, page: 2 },
      { partner: ['noumea'], limit: 100 },
      { partnerKind: ['public-body'], limit: 100 },
      { partnerKind: ['commune'], limit: 100 },
      { commune: ['98817'], limit: 100 },
      { commune: ['98818'], province: ['sud'], limit: 100 },
      { q: 'lagonaire', limit: 100 },
      { q: 'VLN', limit: 100 },
      { q: 'Mont-Dore', limit: 100 },
    ]) {
      const [got, want] = [layered(params), rebuilt(params)];
      expect(new Set(ids(got)), JSON.stringify(params)).toEqual(new Set(ids(want)));
      expect(got.total, JSON.stringify(params)).toBe(want.total);
      expect(got.facets, JSON.stringify(params)).toEqual(want.facets);
    }
    expect(layered({ q: 'lagonaire', limit: 100 }).total).toBe(relaid.length + 1);
  });

  it('finds the documents by their own words with scores close to a full build, and by prefixes', () => {
    for (const q of ['bus', 'piscine Ouen-Toro', 'centres de loisirs', 'état civil rendez-vous', 'lignes']) {
      const [got, want] = [layered({ q, limit: 100 }), rebuilt({ q, limit: 100 })];
      expect(new Set(ids(got)), q).toEqual(new Set(ids(want)));
      expect(ids(got)[0], q).toBe(ids(want)[0]);
      // Their own words keep the full build's weights, idf included: 28 documents there, 29
      // in the rebuild with the new item — in a corpus of thousands one item moves it far less.
      const theirs = new Map(want.items.map((i) => [i.id, i.score]));
      for (const hit of got.items.filter((i) => relaid.includes(i.id))) {
        expect(hit.score / theirs.get(hit.id)!, `${q} ${hit.id}`).toBeGreaterThan(0.95);
        expect(hit.score / theirs.get(hit.id)!, `${q} ${hit.id}`).toBeLessThan(1.05);
      }
    }
    // A word being typed expands over the full index's words too, which the relaid documents
    // hold but did not add to the delta's (prefix scores differ across layers for any
    // changed item, relaid or not: only what is found is compared).
    for (const q of ['loisi', 'vacan', 'civi', 'Ouen-Tor'])
      expect(new Set(ids(layered({ q, limit: 100 }))), q).toEqual(new Set(ids(rebuilt({ q, limit: 100 }))));
  });

  it('keeps a story: its other members and their partners as the full build collapsed them', () => {
    const member = { id: 'nc-dumbea-bus', partnerId: 'dumbea', url: 'https://dumbea.example.nc/bus' };
    const items = NC_NEWS.map((i) => (i.id === 'nc-noumea-bus' ? { ...i, alsoPublished: [member] } : i));
    const storied = buildSearchIndex(items, PARTNERS);
    const over = buildOverlay(storied, [], relaid, edited, relaid);
    const hit = searchLayered(storied, over, { q: 'lagonaire lignes', limit: 10 }, thesaurus).items[0]!;
    expect(hit.id).toBe('nc-noumea-bus');
    expect(hit.alsoPublished).toEqual([member]);
    expect(
      searchLayered(storied, over, { partner: ['dumbea'], limit: 100 }, thesaurus).items.map((i) => i.id),
    ).toContain('nc-noumea-bus');
  });
});
