/**
 * Items' readability: measured at every ingestion write (item-fields.ts); here, filling it
 * in for items stored before (migration 004) and the console's « hardest to read first ».
 */
import type { AnyBulkWriteOperation } from 'mongoose';
import { readabilityOf } from './item-fields.js';
import { ItemModel, type ItemDoc } from './item-model.js';

const BATCH = 200;

/**
 * Measures the items that have text and no readability yet; returns how many were
 * measured. Resumable and harmless to repeat: each write is conditional on the field being
 * still absent, and the scan goes forward by _id (textless items are passed, not re-read).
 */
export async function fillItemsReadability(progress?: (done: number) => void): Promise<number> {
  let after = '';
  let measured = 0;
  for (;;) {
    const docs = await ItemModel.find(
      { _id: { $gt: after }, readability: { $exists: false } },
      { content: 1, summary: 1 },
    )
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<Pick<ItemDoc, '_id' | 'content' | 'summary'>[]>();
    if (!docs.length) return measured;
    after = docs[docs.length - 1]!._id;
    const ops: AnyBulkWriteOperation<ItemDoc>[] = [];
    for (const doc of docs) {
      const readability = readabilityOf(doc);
      if (readability)
        ops.push({
          updateOne: { filter: { _id: doc._id, readability: { $exists: false } }, update: { $set: { readability } } },
        });
    }
    if (ops.length) measured += (await ItemModel.bulkWrite(ops, { ordered: false })).modifiedCount;
    progress?.(measured);
  }
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
