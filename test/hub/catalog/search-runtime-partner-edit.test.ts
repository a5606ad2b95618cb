/**
 * A partner edit applied from the items' change log (issue 17): the search runtime lays the
 * partner's items over its full index again from what that index holds — no item is read
 * back from the database (on FerretDB 1.24 reading a partner's items scans every item) —
 * and then searches, lists and counts facets as a full build with the edited partner does.
 * The reads are watched at the database driver's level (mongoose debug), not by the runtime.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchRuntime, type SearchRuntime } from '../../../hub/catalog/search-runtime.js';
import { PartnerDirectory } from '../../../hub/catalog/partner-directory.js';
import { bumpItemsVersion, noteItemsChanged } from '../../../hub/items/index.js';
import { createLogger } from '../../../hub/log.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { updatePartner } from '../../../hub/partners/partners.js';
import type { SearchParams } from '../../../hub/search/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems } from '../../helpers/items.js';

let runtime: SearchRuntime;
/** Commands on the items collection while watched: [method, filter]. */
const itemReads: string[] = [];
let watching = false;

beforeAll(async () => {
  await connectTestDatabase('runtime-partner-edit');
  await seedPartners();
  await insertItems([
    {
      id: 'noumea-piscine',
      partnerId: 'noumea',
      title: 'Réouverture de la piscine du Ouen Toro',
      summary: 'Le bassin olympique rouvre après six mois de travaux.',
      content: '<p>Les nageurs retrouvent le bassin olympique et ses couloirs.</p>',
      categories: ['Sports'],
      territory: { scope: 'commune', communes: ['98818'] },
      topics: ['sport'],
    },
    { id: 'noumea-marche', partnerId: 'noumea', title: 'Marché de nuit de la baie de la Moselle' },
    {
      id: 'noumea-bus',
      partnerId: 'noumea',
      title: 'Nouveaux horaires des bus Tanéo',
      coAuthors: ['province-sud'],
      territory: { scope: 'commune', communes: ['98818', '98805'] },
    },
    { id: 'koumac-marche', partnerId: 'koumac', title: 'Marché de Koumac' },
    // One story told by two partners: the full index holds it once, as Nouméa's (the earlier).
    {
      id: 'noumea-story',
      partnerId: 'noumea',
      title: 'Fête du lagon au Ouen Toro',
      storyId: 'noumea-story',
      publishedAt: new Date(Date.UTC(2026, 8, 1)),
    },
    {
      id: 'sud-story',
      partnerId: 'province-sud',
      title: 'Fête du lagon : le programme',
      storyId: 'noumea-story',
      publishedAt: new Date(Date.UTC(2026, 8, 2)),
    },
  ]);
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (watching && collection === 'items') itemReads.push(`${method} ${JSON.stringify(args[0])}`);
  });
  runtime = createSearchRuntime({ log: createLogger('silent'), partners: new PartnerDirectory(), pollMs: 100 });
  await runtime.start();
}, 120_000);
afterAll(async () => {
  mongoose.set('debug', false);
  runtime.stop();
  await dropTestDatabase();
});

const search = (params: SearchParams) => runtime.service.search({ limit: 100, ...params });
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

describe('a partner edit laid over the index by the search runtime', () => {
  it('is searchable by its new name, kind and commune without reading any item back nor building in full', async () => {
    const full = runtime.service.getIndex();
    expect(search({ q: 'lagonaire' }).total).toBe(0);
    watching = true;
    // As the hub that saved the edit does (hub/services.ts partnersChanged), an item changed with it.
    await updatePartner('noumea', {
      name: 'Ville lagonaire de Nouméa',
      kind: 'public-body',
      territory: { province: 'sud', communeCode: '98817' },
    });
    noteItemsChanged(['koumac-marche']);
    await bumpItemsVersion({ partners: ['noumea'], directory: true });
    await expect.poll(() => search({ q: 'lagonaire' }).total, { timeout: 10_000, interval: 50 }).toBe(4);
    watching = false;
    // The item named in the entry is read by `_id`; none of the partner's.
    expect(itemReads.filter((r) => !r.includes('koumac-marche'))).toEqual([]);
    expect(itemReads.length).toBeGreaterThan(0);
    expect(runtime.service.getIndex()).toBe(full);
    expect(ids(search({ partnerKind: ['public-body'] }))).toEqual([
      'noumea-bus',
      'noumea-marche',
      'noumea-piscine',
      'noumea-story',
    ]);
    expect(search({ partnerKind: ['commune'], partner: ['noumea'] }).total).toBe(0);
    // The partner's new commune joins its items' own; a co-author keeps finding its item.
    expect(ids(search({ commune: ['98817'] }))).toEqual([
      'noumea-bus',
      'noumea-marche',
      'noumea-piscine',
      'noumea-story',
    ]);
    // The story keeps its other partner's item, as the full build collapsed it.
    const story = search({ q: 'fête lagon' });
    expect(ids(story)).toEqual(['noumea-story']);
    expect(story.items[0]!.alsoPublished?.map((m) => m.id)).toEqual(['sud-story']);
    expect(ids(search({ commune: ['98805'] }))).toEqual(['noumea-bus']);
    expect(ids(search({ partner: ['province-sud'] }))).toContain('noumea-bus');
    // The items' own text, carried over from the full index.
    expect(ids(search({ q: 'bassin olympique' }))).toEqual(['noumea-piscine']);
    expect(ids(search({ q: 'sports lagonaire' }))).toEqual(['noumea-piscine']);
  });

  it('answers as a full build with the edited partner then does', async () => {
    const queries: SearchParams[] = [
      {},
      { q: 'lagonaire' },
      { q: 'marché' },
      { q: 'Mont-Dore' },
      { partnerKind: ['public-body', 'commune'] },
      { province: ['sud'] },
      { commune: ['98817', '98818'] },
    ];
    const laid = queries.map((q) => search(q));
    await runtime.refresh();
    const rebuilt = queries.map((q) => search(q));
    for (const [i, params] of queries.entries()) {
      expect(ids(laid[i]!), JSON.stringify(params)).toEqual(ids(rebuilt[i]!));
      expect(laid[i]!.facets, JSON.stringify(params)).toEqual(rebuilt[i]!.facets);
    }
  });

  it("collapses a story again when another of its items changes with its partner's edit (read back, as before)", async () => {
    await updatePartner('noumea', { name: 'Ville lagonaire et corallienne de Nouméa' });
    await mongoose.connection
      .collection('items')
      .updateOne({ _id: 'sud-story' as never }, { $set: { title: 'Fête du lagon : le programme complet' } });
    noteItemsChanged(['sud-story']);
    await bumpItemsVersion({ partners: ['noumea'], directory: true });
    await expect.poll(() => search({ q: 'corallienne' }).total, { timeout: 10_000, interval: 50 }).toBe(4);
    const story = search({ q: 'fête lagon' });
    expect(ids(story)).toEqual(['noumea-story']);
    expect(story.items[0]!.alsoPublished?.map((m) => m.id)).toEqual(['sud-story']);
    const queries: SearchParams[] = [{ q: 'fête lagon' }, { partner: ['province-sud'] }, { q: 'corallienne' }];
    const laid = queries.map((q) => search(q));
    await runtime.refresh();
    for (const [n, params] of queries.entries()) {
      const rebuilt = search(params);
      expect(ids(laid[n]!), JSON.stringify(params)).toEqual(ids(rebuilt));
      expect(
        laid[n]!.items.map((h) => h.alsoPublished),
        JSON.stringify(params),
      ).toEqual(rebuilt.items.map((h) => h.alsoPublished));
    }
  });
});
