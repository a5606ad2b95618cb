/**
 * Items' readability: measured at every ingestion write (item-fields.ts); here, filling it
 * in for items stored before (migration 004) and the console's « hardest to read first ».
 */
import type { AnyBulkWriteOperation } from 'mongoose';
import { readabilityOf } from './item-fields.js';
import { ItemModel, type ItemDoc } from './item-model.js';
import { bulkWriteInChunks } from '../db/index.js';

const BATCH = 200;

/**
 * Measures the items that have text and no readability yet; returns how many were
 * measured. Resumable and harmless to repeat: each write is conditional on the field being
 * still absent. The ids to measure are read first, then their texts by batch: a scan going
 * forward by `_id` would compare ids of another type (ObjectId ids written by older tools)
 * with a string, which FerretDB and MongoDB do not order alike — it looped on FerretDB.
 */
export async function fillItemsReadability(progress?: (done: number) => void): Promise<number> {
  const ids = (await ItemModel.find({ readability: { $exists: false } }, { _id: 1 }).lean<{ _id: unknown }[]>()).map(
    (d) => d._id,
  );
  let measured = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const docs = await ItemModel.collection
      .find({ _id: { $in: ids.slice(i, i + BATCH) as never[] } }, { projection: { content: 1, summary: 1 } })
      .toArray();
    const ops: AnyBulkWriteOperation[] = [];
    for (const doc of docs) {
      const readability = readabilityOf(doc as unknown as Pick<ItemDoc, 'content' | 'summary'>);
      if (readability)
        ops.push({
          updateOne: { filter: { _id: doc._id, readability: { $exists: false } }, update: { $set: { readability } } },
        });
    }
    measured += (
      await bulkWriteInChunks(ops, (chunk) => ItemModel.collection.bulkWrite(chunk as never, { ordered: false }))
    ).modifiedCount;
    progress?.(measured);
  }
  return measured;
}

export interface ReadabilityRow {
  id: string;
  title: string;
  status: ItemDoc['status'];
  readability: NonNullable<ItemDoc['readability']>;
}

/** A partner's measured items, hardest to read first (lowest score). */
export async function listHardestToRead(
  partnerId: string,
  options: { page?: number; limit?: number } = {},
): Promise<{ total: number; items: ReadabilityRow[] }> {
  const limit = options.limit ?? 50;
  const page = options.page ?? 1;
  const filter = { partnerId, status: 'published', 'readability.score': { $exists: true } };
  const [total, docs] = await Promise.all([
    ItemModel.countDocuments(filter),
    ItemModel.find(filter, { title: 1, status: 1, readability: 1 })
      .sort({ 'readability.score': 1, _id: 1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .lean<Pick<ItemDoc, '_id' | 'title' | 'status' | 'readability'>[]>(),
  ]);
  return {
    total,
    items: docs.map((d) => ({ id: d._id, title: d.title, status: d.status, readability: d.readability! })),
  };
}
