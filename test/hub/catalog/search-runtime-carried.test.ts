/**
 * New items and withdrawals laid over the index from the change log itself (issue 17): a
 * small batch's entry carries the state its writer left its items in (format 2,
 * hub/items change-log.ts), so the search runtime reads none of them back — on FerretDB 1.24
 * a read by `_id` scans the items until it meets the document. Updates, a batch above the
 * bound, an entry of the previous format and a state a later write may have replaced are
 * read back. The reads are watched at the driver's level (mongoose debug).
 */
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchRuntime, type SearchRuntime } from '../../../hub/catalog/search-runtime.js';
import { PartnerDirectory } from '../../../hub/catalog/partner-directory.js';
import {
  bumpItemsVersion,
  getItemsVersionInfo,
  insertItems,
  readIndexableItems,
  readItemChanges,
  restoreItem,
  updateItems,
  withdrawItem,
  withdrawItems,
  writeAuthoredItem,
  type AuthoredItem,
  type KnownItem,
} from '../../../hub/items/index.js';
import { CARRIED_MAX_ITEMS } from '../../../hub/items/change-log.js';
import { createLogger } from '../../../hub/log.js';
import { seedPartners } from '../../../hub/partners/index.js';
import type { ItemInput } from '../../../schemas/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems as insertFixtures } from '../../helpers/items.js';

const SOURCE = 'noumea-actus';
let runtime: SearchRuntime;
/** Reads of the items collection while watched: `method filter`. */
const itemReads: string[] = [];
let watching = false;

function input(guid: string, title: string, content = `<p>${title}.</p>`): ItemInput {
  return {
    id: `${SOURCE}-${guid}`,
    partnerId: 'noumea',
    sourceId: SOURCE,
    guid,
    url: `https://www.noumea.nc/${guid}`,
    title,
    summary: `${title} : le résumé.`,
    content,
    type: 'news',
    topics: ['culture'],
    categories: ['Actualités'],
    audience: ['particuliers'],
    territory: { scope: 'commune', communes: ['98818'] },
    language: 'fr',
    publishedAt: new Date(Date.UTC(2026, 10, 2)).toISOString(),
    contentHash: createHash('sha256')
      .update(guid + title + content)
      .digest('hex'),
  };
}

const search = (q: string) => runtime.service.search({ q, limit: 100 });
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

/** The item reads made while `fn` runs and its change reaches the search (`until`). */
async function readsDuring(fn: () => Promise<unknown>, until: () => boolean | Promise<boolean>): Promise<string[]> {
  itemReads.length = 0;
  watching = true;
  try {
    await fn();
    runtime.itemsChanged();
    await expect.poll(until, { timeout: 10_000, interval: 50 }).toBe(true);
    return [...itemReads];
  } finally {
    watching = false;
  }
}

const byId = (reads: string[], id: string) => reads.filter((r) => r.includes(JSON.stringify(id)));
const changes = () => mongoose.connection.db!.collection<{ _id: number }>('item_changes');

beforeAll(async () => {
  await connectTestDatabase('runtime-carried');
  await seedPartners();
  await insertFixtures([
    { id: 'noumea-piscine', partnerId: 'noumea', title: 'Réouverture de la piscine du Ouen Toro' },
    { id: 'koumac-marche', partnerId: 'koumac', title: 'Marché de Koumac' },
  ]);
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (watching && collection === 'items' && !/^(insert|update|bulkWrite)/.test(method))
      itemReads.push(`${method} ${JSON.stringify(args[0])}`);
  });
  runtime = createSearchRuntime({ log: createLogger('silent'), partners: new PartnerDirectory(), pollMs: 100 });
  await runtime.start();
}, 120_000);
afterAll(async () => {
  mongoose.set('debug', false);
  runtime.stop();
  await dropTestDatabase();
});

describe('changes carried by the change log', () => {
  it('carries a new item exactly as a read back gives it', async () => {
    const item = input('exact', 'Concert de la chorale du Mont-Dore');
    await insertItems([item], new Date());
    await bumpItemsVersion();
    const head = (await getItemsVersionInfo()).seq;
    const { entries } = await readItemChanges(head - 1, head);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.ids).toEqual([item.id]);
    const carried = entries[0]!.states?.get(item.id);
    expect(carried).toBeDefined();
    expect(carried).toEqual((await readIndexableItems([item.id])).get(item.id));
    await expect.poll(async () => ids(await search('chorale Mont-Dore')), { timeout: 10_000 }).toEqual([item.id]);
  });

  it('lays a new item over the index without reading it back, nor building in full', async () => {
    const fresh = input('fresh', 'Ouverture de la médiathèque flottante');
    const builds = runtime.version();
    const reads = await readsDuring(
      async () => {
        await insertItems([fresh], new Date());
        await bumpItemsVersion();
      },
      async () => ids(await search('médiathèque flottante')).join() === fresh.id,
    );
    expect(reads).toEqual([]);
    // Still the same full index (the version's second half: the entry it was built to).
    expect(runtime.version().split('.')[1]).toBe(builds.split('.')[1]);
  });

  it('takes a withdrawal from the log, and reads an update back (its newer version replaces the carried one)', async () => {
    const item = input('gala', 'Gala de danse au théâtre de Poche');
    await insertItems([item], new Date());
    await bumpItemsVersion();
    await expect.poll(async () => ids(await search('gala danse')), { timeout: 10_000 }).toEqual([item.id]);

    // Updated by a later run: the entry lists it (its new state is not carried), read back.
    const changed = { ...input('gala', 'Gala de hip-hop au théâtre de Poche'), id: item.id };
    const known: KnownItem = {
      _id: item.id,
      guid: item.guid,
      url: item.url,
      contentHash: item.contentHash!,
      status: 'published',
    };
    const updateReads = await readsDuring(
      async () => {
        expect(await updateItems([{ item: changed, known }], new Date())).toBe(1);
        await bumpItemsVersion();
      },
      async () => ids(await search('hip-hop')).join() === item.id && (await search('danse')).total === 0,
    );
    expect(byId(updateReads, item.id)).toHaveLength(1);
    expect(ids(await search('gala'))).toEqual([item.id]);

    // Withdrawn by a run: carried, no read.
    const withdrawReads = await readsDuring(
      async () => {
        expect(await withdrawItems(SOURCE, [item.id], new Date())).toBe(1);
        await bumpItemsVersion();
      },
      async () => (await search('gala')).total === 0,
    );
    expect(withdrawReads).toEqual([]);
  });

  it(`reads back a batch of more than ${CARRIED_MAX_ITEMS} items, and finds them all`, async () => {
    const batch = Array.from({ length: CARRIED_MAX_ITEMS + 10 }, (_, i) =>
      input(`lot-${i}`, `Avis de chantier numéro ${i} quartier Tuband`),
    );
    const reads = await readsDuring(
      async () => {
        await insertItems(batch, new Date());
        await bumpItemsVersion();
      },
      async () => (await search('chantier Tuband')).total === batch.length,
    );
    const head = (await getItemsVersionInfo()).seq;
    const { entries } = await readItemChanges(head - 1, head);
    // The insert's first chunk (50) fits the bound, the next one does not: none is carried.
    expect(entries[0]!.ids).toHaveLength(batch.length);
    expect(entries[0]!.states).toBeUndefined();
    expect(reads.length).toBeGreaterThanOrEqual(batch.length);
  });

  it('reads back the items of an entry of the previous format (ids only), and an old hub finds every id in a new one', async () => {
    // An old hub's entry: a new item inserted and announced by ids only.
    const old = input('ancien', 'Fête des lumières à Dumbéa');
    await insertFixtures([
      {
        id: old.id,
        partnerId: 'noumea',
        title: old.title,
        sourceId: SOURCE,
        publishedAt: new Date(Date.UTC(2026, 10, 3)),
      },
    ]);
    const head = (await getItemsVersionInfo()).seq;
    await changes().insertOne({ _id: head + 1, ids: [old.id], at: new Date() } as never);
    const reads = await readsDuring(
      () => bumpItemsVersion(),
      async () => ids(await search('lumières Dumbéa')).join() === old.id,
    );
    expect(byId(reads, old.id)).toHaveLength(1);

    // A new entry as an old hub reads it: `ids` lists the carried item, which it reads back.
    const fresh = input('nouveau', 'Festival des arts du cirque');
    await insertItems([fresh], new Date());
    await bumpItemsVersion();
    const newHead = (await getItemsVersionInfo()).seq;
    const stored = (await changes().findOne({ _id: newHead })) as unknown as Record<string, unknown>;
    expect(stored.v).toBe(2);
    expect(stored.ids).toEqual([fresh.id]);
    const OldModel = mongoose.model(
      'ItemChangeV1',
      new mongoose.Schema(
        { _id: Number, ids: [String], everything: Boolean, storedSeq: Number, at: Date },
        { versionKey: false },
      ),
      'item_changes',
    );
    const asOld = await OldModel.findById(newHead).lean<{ ids: string[] }>();
    expect(asOld!.ids).toEqual([fresh.id]);
  });

  it("carries an agent's withdrawal and restoration, and a published lab's item (first and later publications)", async () => {
    // The write itself (findOneAndUpdate) is not a read back: what is left must be empty.
    const readsBack = (reads: string[]) => reads.filter((r) => !r.startsWith('findOneAndUpdate'));
    const item = input('fete', 'Fête de la mandarine à Canala');
    await insertItems([item], new Date());
    await bumpItemsVersion();
    await expect.poll(async () => ids(await search('mandarine Canala')), { timeout: 10_000 }).toEqual([item.id]);

    const withdrawn = await readsDuring(
      async () => {
        await withdrawItem(item.id);
        await bumpItemsVersion();
      },
      async () => (await search('mandarine Canala')).total === 0,
    );
    expect(readsBack(withdrawn)).toEqual([]);
    const restored = await readsDuring(
      async () => {
        await restoreItem(item.id);
        await bumpItemsVersion();
      },
      async () => ids(await search('mandarine Canala')).join() === item.id,
    );
    expect(readsBack(restored)).toEqual([]);

    const lab: AuthoredItem = {
      id: 'lab-guichet-unique',
      partnerId: 'noumea',
      coAuthors: ['koumac'],
      sourceId: 'labs',
      guid: 'guichet-unique',
      url: 'https://service-public.nc/labs/guichet-unique',
      title: 'Le guichet unique des mariages coutumiers',
      summary: 'Un seul dossier pour toutes les communes.',
      content: '<p>Un seul dossier pour toutes les communes.</p>',
      type: 'procedure',
      topics: ['culture'],
      audience: ['particuliers'],
      territory: { scope: 'nc' },
      contentHash: 'a'.repeat(64),
      changeNotes: [],
      unreviewedBy: [],
    };
    const first = await readsDuring(
      async () => {
        expect(await writeAuthoredItem(lab, new Date())).toEqual({ created: true });
        await bumpItemsVersion();
      },
      async () => ids(await search('guichet mariages coutumiers')).join() === lab.id,
    );
    expect(readsBack(first)).toEqual([]);
    const second = await readsDuring(
      async () => {
        const next = { ...lab, title: 'Le guichet unique des clubs sportifs' };
        expect(await writeAuthoredItem(next, new Date())).toEqual({ created: false });
        await bumpItemsVersion();
      },
      async () =>
        ids(await search('guichet clubs sportifs')).join() === lab.id &&
        (await search('mariages coutumiers')).total === 0,
    );
    expect(readsBack(second)).toEqual([]);
  });

  it('reads back a carried item that a write announced in an earlier-numbered entry may have replaced', async () => {
    // Hub X inserts an item; before X appends its entry, an agent on hub Y withdraws it and
    // Y's entry comes first. X's entry carries the item as published: stale.
    const id = `${SOURCE}-course`;
    const title = 'Course des pirogues de la baie des Citrons';
    await insertFixtures([{ id, partnerId: 'noumea', title, sourceId: SOURCE, status: 'withdrawn' }]);
    const head = (await getItemsVersionInfo()).seq;
    await changes().insertOne({ _id: head + 1, v: 2, ids: [id], at: new Date() } as never);
    const stale = { id, partnerId: 'noumea', title, url: 'https://www.noumea.nc/course', type: 'news', topics: [] };
    await changes().insertOne({
      _id: head + 2,
      v: 2,
      ids: [id],
      carried: [stale],
      writtenAfter: head,
      at: new Date(),
    } as never);
    let version = '';
    const reads = await readsDuring(
      async () => (version = await bumpItemsVersion()),
      () => runtime.version().startsWith(`${version}.`),
    );
    expect(byId(reads, id)).toHaveLength(1);
    expect((await search('pirogues Citrons')).total).toBe(0);

    // The same carried state with nothing in between: laid over as it is, nothing read.
    await changes().insertOne({
      _id: head + 3,
      v: 2,
      ids: [id],
      carried: [stale],
      writtenAfter: head + 2,
      at: new Date(),
    } as never);
    const none = await readsDuring(
      async () => (version = await bumpItemsVersion()),
      () => runtime.version().startsWith(`${version}.`),
    );
    expect(none).toEqual([]);
    expect(ids(await search('pirogues Citrons'))).toEqual([id]);
  });
});
