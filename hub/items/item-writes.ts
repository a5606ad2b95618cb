/**
 * The writes of ingestion: insert new items, update changed ones (revision + 1), withdraw
 * the ones that vanished. Identity and planning are ingest's; the documents are ours.
 */
import type { AnyBulkWriteOperation } from 'mongoose';
import type { ItemInput } from '../../schemas/index.js';
import { bulkWriteInChunks, isDuplicateKey } from '../db/index.js';
import { itemStatesWanted, knownItemChangesHead, noteItemsChanged, noteItemsWritten } from './change-log.js';
import { OPTIONAL_ITEM_FIELDS, splitSetUnset, toItemFields } from './item-fields.js';
import { ITEM_SCHEMA_VERSION, ItemModel, type ItemDoc } from './item-model.js';
import { toIndexedItem } from './items.js';
import { mapInSlices } from './time-slices.js';

const BATCH = 500;
/**
 * Documents sent in one `insertMany` of the driver. Mongoose's own `insertMany` built and
 * validated every document of a call in one synchronous stretch (136–171 ms of main-thread
 * CPU for 50 DILA fiches, 0.7–3.4 s for 250; docs/benchmarks.md, issue 16): the documents
 * are now cast and validated one by one in slices (`castInSlices`), and the driver only
 * serializes them.
 */
const INSERT_CHUNK = 50;

/** What ingestion needs to know of an item already stored. */
export interface KnownItem {
  _id: string;
  guid: string;
  url: string;
  contentHash: string;
  status: 'published' | 'withdrawn';
  /** An agent withdrew it: ingestion updates it but leaves it withdrawn. */
  withdrawnBy?: 'agent';
}

const KNOWN_FIELDS = { _id: 1, guid: 1, url: 1, contentHash: 1, status: 1, withdrawnBy: 1 };

/** Every item of a source, as ingestion compares them. */
export async function listKnownItems(sourceId: string): Promise<KnownItem[]> {
  return ItemModel.find({ sourceId }, KNOWN_FIELDS).lean<KnownItem[]>();
}

/** The stored items with these ids, as ingestion compares them. */
export async function findKnownItems(ids: string[]): Promise<KnownItem[]> {
  return ItemModel.find({ _id: { $in: ids } }, KNOWN_FIELDS).lean<KnownItem[]>();
}

/**
 * Inserts new items (revision 1), with the story each joins when `storyIds` names one
 * (hub/stories plans them before the insert). Those whose id another process, or a run
 * killed half-way, already stored come back in `raced`: they are updates.
 */
export async function insertItems(
  items: ItemInput[],
  now: Date,
  storyIds?: ReadonlyMap<string, string>,
): Promise<{ inserted: number; raced: ItemInput[] }> {
  let inserted = 0;
  const raced: ItemInput[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    // toItemFields measures readability: milliseconds a rich fiche, so in slices.
    const docs = await mapInSlices(batch, (item) => ({
      _id: item.id,
      ...toItemFields(item),
      status: 'published',
      revision: 1,
      firstSeenAt: now,
      lastSeenAt: now,
      stats: { likes: 0, comments: 0 },
      ...(storyIds?.has(item.id) ? { storyId: storyIds.get(item.id) } : {}),
    }));
    for (let j = 0; j < docs.length; j += INSERT_CHUNK) {
      const done = await insertChunk(docs.slice(j, j + INSERT_CHUNK), batch.slice(j, j + INSERT_CHUNK));
      inserted += done.inserted;
      raced.push(...done.raced);
    }
  }
  return { inserted, raced };
}

/**
 * The documents as mongoose's `insertMany` would store them (cast, defaults applied,
 * validated; an invalid one throws), built one by one with a turn of the event loop every
 * ~10 ms, where mongoose built a whole call's in one stretch.
 */
async function castInSlices(docs: object[]): Promise<object[]> {
  return mapInSlices(docs, (doc) => {
    const cast = new ItemModel(doc);
    // The schema's pre('validate') stamp: validateSync runs no middleware (toItemFields sets it too).
    cast.schemaVersion ??= ITEM_SCHEMA_VERSION;
    const invalid = cast.validateSync();
    if (invalid) throw invalid;
    return cast.toBSON() as object;
  });
}

/** One chunk of inserts; ids already stored (a race, a killed run) come back in `raced`. */
async function insertChunk(docs: object[], items: ItemInput[]): Promise<{ inserted: number; raced: ItemInput[] }> {
  const cast = await castInSlices(docs);
  const before = knownItemChangesHead();
  try {
    const { insertedCount } = await ItemModel.collection.insertMany(cast, { ordered: false });
    noteInserted(cast, new Set(), before);
    return { inserted: insertedCount, raced: [] };
  } catch (err) {
    const e = err as { writeErrors?: { err?: { index: number; code: number }; index?: number; code?: number }[] };
    if (!e.writeErrors?.length || !e.writeErrors.every((w) => isDuplicateKey(w.err ?? w))) throw err;
    const failed = new Set(e.writeErrors.map((w) => w.err?.index ?? w.index ?? -1));
    noteInserted(cast, failed, before);
    return { inserted: items.length - failed.size, raced: items.filter((_, index) => failed.has(index)) };
  }
}

/**
 * Notes the items inserted (all of `docs` but the indexes `failed`) for the change log: with
 * their state as inserted while the batch is small, so that no hub reads them back
 * (change-log.ts, format 2); `docs`: as sent to the driver (cast, defaults applied);
 * `before`: the log's head as known before the insert.
 */
function noteInserted(docs: object[], failed: ReadonlySet<number>, before: number): void {
  const inserted = docs.filter((_, index) => !failed.has(index)) as { _id: string }[];
  if (!itemStatesWanted(inserted.length)) return noteItemsChanged(inserted.map((doc) => doc._id));
  const states = inserted.map((doc) => ({ id: doc._id, item: toIndexedItem(doc as unknown as ItemDoc) }));
  noteItemsWritten(states, before);
}

/** Updates changed items (revision + 1), each only if still as read; returns how many changed. */
export async function updateItems(updates: { item: ItemInput; known: KnownItem }[], now: Date): Promise<number> {
  let updated = 0;
  for (let i = 0; i < updates.length; i += BATCH) {
    const ops = await mapInSlices(updates.slice(i, i + BATCH), ({ item, known }) => {
      const { $set, $unset } = splitSetUnset({ ...toItemFields(item), guid: item.guid }, OPTIONAL_ITEM_FIELDS);
      // An agent's withdrawal stands: the content is refreshed, the item stays out of view.
      const keep = known.withdrawnBy === 'agent';
      return {
        updateOne: {
          // Conditional on what we read: a concurrent run that got there first wins once.
          filter: { _id: known._id, contentHash: known.contentHash, status: known.status },
          update: {
            $set: { ...$set, ...(keep ? {} : { status: 'published' }), lastSeenAt: now },
            $unset: keep ? $unset : { ...$unset, withdrawnAt: '' },
            $inc: { revision: 1 },
          },
        },
      } as AnyBulkWriteOperation<ItemDoc>;
    });
    updated += (await bulkWriteInChunks(ops, (chunk) => ItemModel.bulkWrite(chunk, { ordered: false }))).modifiedCount;
    noteItemsChanged(updates.slice(i, i + BATCH).map(({ known }) => known._id));
  }
  return updated;
}

/** Withdraws (never deletes) the published items of a source with these ids; returns how many. */
export async function withdrawItems(sourceId: string, ids: string[], now: Date): Promise<number> {
  let withdrawn = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const before = knownItemChangesHead();
    const res = await ItemModel.updateMany(
      { _id: { $in: chunk }, sourceId, status: 'published' },
      { $set: { status: 'withdrawn', withdrawnAt: now }, $inc: { revision: 1 } },
    );
    withdrawn += res.modifiedCount;
    // Each one withdrawn here: the log says so (no hub reads them back); else they are read back.
    if (res.modifiedCount === chunk.length && itemStatesWanted(chunk.length))
      noteItemsWritten(
        chunk.map((id) => ({ id, item: null })),
        before,
      );
    else noteItemsChanged(chunk);
  }
  return withdrawn;
}
