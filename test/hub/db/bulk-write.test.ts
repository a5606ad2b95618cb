/**
 * Bulk writes by chunks, on the real database: 120 conditional updates and upserts in one
 * call — a single command of that size hangs FerretDB 1.24 for every client — are all
 * applied, counted once, and the readability fill of 120 items finishes while another
 * client keeps reading.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWriteInChunks, WRITE_CHUNK } from '../../../hub/db/index.js';
import { fillItemsReadability } from '../../../hub/items/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems } from '../../helpers/items.js';

const N = 120;
const col = () => mongoose.connection.db!.collection<{ _id: string; n?: number; done?: boolean }>('bulk_probe');

beforeAll(async () => {
  await connectTestDatabase('bulk');
  await col().insertMany(Array.from({ length: N }, (_, i) => ({ _id: `d${i}`, n: i })));
});
afterAll(dropTestDatabase);

describe('bulkWriteInChunks', () => {
  it(`sends ${N} statements ${WRITE_CHUNK} at a time and adds up what each chunk did`, async () => {
    const ops = [
      ...Array.from({ length: N }, (_, i) => ({
        updateOne: { filter: { _id: `d${i}`, done: { $exists: false } }, update: { $set: { done: true } } },
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        updateOne: { filter: { _id: `new${i}` }, update: { $set: { n: -1 } }, upsert: true },
      })),
    ];
    const counts = await bulkWriteInChunks(ops, (chunk) => col().bulkWrite(chunk, { ordered: false }));
    expect(counts).toMatchObject({ matchedCount: N, modifiedCount: N, upsertedCount: 20 });
    expect(await col().countDocuments({ done: true })).toBe(N);
    // Conditional on what was read: the same statements again change nothing.
    const again = await bulkWriteInChunks(ops.slice(0, N), (chunk) => col().bulkWrite(chunk, { ordered: false }));
    expect(again.modifiedCount).toBe(0);
  }, 120_000);

  it('fills the readability of items stored before it, while another client reads', async () => {
    await insertItems(
      Array.from({ length: N }, (_, i) => ({
        id: `r-${i}`,
        partnerId: 'noumea',
        title: `Avis ${i}`,
        content: `<p>La mairie informe les habitants du quartier ${i} que la collecte des déchets verts aura lieu mardi. Merci de sortir les bacs la veille.</p>`,
      })),
    );
    await mongoose.connection.db!.collection('items').updateMany({}, { $unset: { readability: '' } });
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        await mongoose.connection.db!.collection('items').find({}).limit(20).toArray();
        reads += 1;
      }
    })();
    const measured = await fillItemsReadability();
    reading = false;
    await reader;
    expect(measured).toBe(N);
    expect(reads).toBeGreaterThan(0);
    expect(await mongoose.connection.db!.collection('items').countDocuments({ readability: { $exists: false } })).toBe(
      0,
    );
  });
});
