/**
 * The insert path of ingestion (hub/items/item-writes.ts): documents are cast by the item
 * model in slices and sent through the driver's insertMany (issue 16: mongoose's insertMany
 * built a whole call's documents in one stretch of the event loop). What is stored is what
 * mongoose's insertMany stored, and ids already stored come back as `raced`.
 */
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertItems } from '../../../hub/items/index.js';
import { ITEM_SCHEMA_VERSION, ItemModel } from '../../../hub/items/item-model.js';
import { toItemFields } from '../../../hub/items/item-fields.js';
import type { ItemInput } from '../../../schemas/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const stored = () => mongoose.connection.db!.collection('items');

function input(n: number, extra: Partial<ItemInput> = {}): ItemInput {
  return {
    id: `insert-${n}`,
    partnerId: 'noumea',
    sourceId: 'noumea-insert',
    guid: `g${n}`,
    url: `https://www.noumea.nc/insert/${n}`,
    title: `Page ${n}`,
    content: '<p>Le marché ouvre à 6 heures. Il ferme à midi.</p>',
    type: 'event',
    topics: ['culture'],
    audience: [],
    territory: { scope: 'province', province: 'sud' },
    language: 'fr',
    publishedAt: '2026-11-30T08:00:00.000Z',
    event: { start: '2026-12-05T06:00:00.000Z', place: 'Baie de la Moselle' },
    links: { services: [{ title: 'Réserver', url: 'https://www.noumea.nc/r' }] },
    contentHash: createHash('sha256').update(`insert-${n}`).digest('hex'),
    ...extra,
  };
}

beforeAll(() => connectTestDatabase('insert-path'));
afterAll(dropTestDatabase);

describe('insertItems', () => {
  it('stores what mongoose insertMany stored: cast dates, defaults, schema version, story', async () => {
    const now = new Date('2026-12-01T10:00:00.000Z');
    const items = Array.from({ length: 120 }, (_, i) => input(i));
    const result = await insertItems(items, now, new Map([['insert-3', 'story-x']]));
    expect(result).toEqual({ inserted: 120, raced: [] });
    expect(await stored().countDocuments({ sourceId: 'noumea-insert' })).toBe(120);
    const doc = await stored().findOne({ _id: 'insert-3' as never });
    // The reference: the same item through mongoose's own insertMany, under another id and guid.
    const [reference] = await ItemModel.insertMany([
      {
        _id: 'reference',
        ...toItemFields({ ...input(3), guid: 'reference' }),
        status: 'published',
        revision: 1,
        firstSeenAt: now,
        lastSeenAt: now,
        stats: { likes: 0, comments: 0 },
        storyId: 'story-x',
      },
    ]);
    const expected = await stored().findOne({ _id: reference!._id as never });
    await stored().deleteOne({ _id: 'reference' as never });
    expect({ ...doc, _id: 'x', guid: 'x' }).toEqual({ ...expected, _id: 'x', guid: 'x' });
    expect(doc).toMatchObject({
      schemaVersion: ITEM_SCHEMA_VERSION,
      publishedAt: new Date('2026-11-30T08:00:00.000Z'),
      event: { start: new Date('2026-12-05T06:00:00.000Z'), place: 'Baie de la Moselle' },
      stats: { likes: 0, comments: 0 },
      storyId: 'story-x',
      status: 'published',
      revision: 1,
    });
    expect(doc?.readability).toMatchObject({ formula: 'kandel-moles', sentences: 2 });
  });

  it('gives back as raced the items whose id is already stored, and inserts the others', async () => {
    const now = new Date();
    const again = [input(5), input(500), input(77), input(501)];
    const result = await insertItems(again, now);
    expect(result.inserted).toBe(2);
    expect(result.raced.map((i) => i.id).sort()).toEqual(['insert-5', 'insert-77']);
    expect(await stored().countDocuments({ sourceId: 'noumea-insert' })).toBe(122);
  });

  it('throws on a document the item model finds invalid, and stores nothing of it', async () => {
    const invalid = { ...input(900), title: undefined } as unknown as ItemInput;
    await expect(insertItems([invalid], new Date())).rejects.toThrow(/title/);
    expect(await stored().countDocuments({ _id: 'insert-900' as never })).toBe(0);
  });
});
