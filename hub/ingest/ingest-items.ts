/**
 * Writes one listing of a source into MongoDB: inserts new items, updates changed ones
 * (revision + 1), leaves unchanged ones untouched (no write at all), and — for a source
 * that lists everything — withdraws the items that vanished. Never deletes.
 */
import type { ItemInput } from '../../schemas/index.js';
import { validateAgainst } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import type { AnyBulkWriteOperation } from 'mongoose';
import { ItemModel, type ItemDoc } from '../items/index.js';
import { planUpserts, type KnownItem } from './plan-upserts.js';
import { OPTIONAL_ITEM_FIELDS, splitSetUnset, toItemFields } from './to-item-fields.js';

export interface IngestCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
}

export interface IngestInput {
  sourceId: string;
  items: ItemInput[];
  /** The listing is everything the source publishes: what is missing gets withdrawn. */
  complete: boolean;
  /** Guids rejected by mapping this time: they are not withdrawn for being absent. */
  rejectedGuids?: string[];
  now?: Date;
}

export interface IngestResult {
  counts: IngestCounts;
  itemErrors: { guid?: string; reason: string }[];
}

const BATCH = 500;

function validateItems(
  items: ItemInput[],
  sourceId: string,
): { valid: ItemInput[]; errors: IngestResult['itemErrors'] } {
  const valid: ItemInput[] = [];
  const errors: IngestResult['itemErrors'] = [];
  for (const item of items) {
    const problems = validateAgainst('ItemInput', item);
    if (item.sourceId !== sourceId) problems.push({ field: 'sourceId', message: `doit être ${sourceId}` });
    if (problems.length)
      errors.push({ guid: item.guid, reason: problems.map((p) => `${p.field} : ${p.message}`).join(' ; ') });
    else valid.push(item);
  }
  return { valid, errors };
}

async function insertItems(items: ItemInput[], now: Date): Promise<{ inserted: number; raced: ItemInput[] }> {
  let inserted = 0;
  const raced: ItemInput[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const docs = batch.map((item) => ({
      _id: item.id,
      ...toItemFields(item),
      status: 'published',
      revision: 1,
      firstSeenAt: now,
      lastSeenAt: now,
      stats: { likes: 0, comments: 0 },
    }));
    try {
      inserted += (await ItemModel.insertMany(docs, { ordered: false, rawResult: true })).insertedCount;
    } catch (err) {
      // Another process, or a run killed half-way, already stored some: they are updates.
      const e = err as {
        insertedDocs?: unknown[];
        writeErrors?: { err?: { index: number; code: number }; index?: number; code?: number }[];
      };
      if (!e.writeErrors?.length || !e.writeErrors.every((w) => isDuplicateKey(w.err ?? w))) throw err;
      const failed = new Set(e.writeErrors.map((w) => w.err?.index ?? w.index ?? -1));
      inserted += batch.length - failed.size;
      raced.push(...batch.filter((_, index) => failed.has(index)));
    }
  }
  return { inserted, raced };
}

async function updateItems(updates: { item: ItemInput; known: KnownItem }[], now: Date): Promise<number> {
  let updated = 0;
  for (let i = 0; i < updates.length; i += BATCH) {
    const ops = updates.slice(i, i + BATCH).map(({ item, known }) => {
      const { $set, $unset } = splitSetUnset({ ...toItemFields(item), guid: item.guid }, OPTIONAL_ITEM_FIELDS);
      return {
        updateOne: {
          // Conditional on what we read: a concurrent run that got there first wins once.
          filter: { _id: known._id, contentHash: known.contentHash, status: known.status },
          update: {
            $set: { ...$set, status: 'published', lastSeenAt: now },
            $unset: { ...$unset, withdrawnAt: '' },
            $inc: { revision: 1 },
          },
        },
      } as AnyBulkWriteOperation<ItemDoc>;
    });
    if (ops.length) updated += (await ItemModel.bulkWrite(ops, { ordered: false })).modifiedCount;
  }
  return updated;
}

async function withdrawMissing(sourceId: string, known: KnownItem[], keep: Set<string>, now: Date): Promise<number> {
  const gone = known.filter((k) => k.status === 'published' && !keep.has(k._id)).map((k) => k._id);
  let withdrawn = 0;
  for (let i = 0; i < gone.length; i += BATCH) {
    const res = await ItemModel.updateMany(
      { _id: { $in: gone.slice(i, i + BATCH) }, sourceId, status: 'published' },
      { $set: { status: 'withdrawn', withdrawnAt: now }, $inc: { revision: 1 } },
    );
    withdrawn += res.modifiedCount;
  }
  return withdrawn;
}

/** Ingests one listing; see the module comment for the semantics. */
export async function ingestItems(input: IngestInput): Promise<IngestResult> {
  const now = input.now ?? new Date();
  const { valid, errors } = validateItems(input.items, input.sourceId);
  const known = await ItemModel.find(
    { sourceId: input.sourceId },
    { _id: 1, guid: 1, url: 1, contentHash: 1, status: 1 },
  ).lean<KnownItem[]>();
  const plan = planUpserts(valid, known);
  const { inserted, raced } = await insertItems(plan.inserts, now);
  let updated = await updateItems(plan.updates, now);
  if (raced.length) {
    const again = planUpserts(
      raced,
      await ItemModel.find(
        { _id: { $in: raced.map((r) => r.id) } },
        { _id: 1, guid: 1, url: 1, contentHash: 1, status: 1 },
      ).lean<KnownItem[]>(),
    );
    updated += await updateItems(again.updates, now);
    // An id taken by a stored item this listing did not match (its guid changed through the
    // link or hash fallback): reported, never silently dropped.
    for (const lost of again.inserts)
      errors.push({
        guid: lost.guid,
        reason: `ingest: l'identifiant ${lost.id} est déjà pris par un autre contenu de la source`,
      });
  }
  for (const dup of plan.duplicates)
    errors.push({ guid: dup.guid, reason: 'ingest: même guid déjà présent plus haut dans la même réponse' });
  let withdrawn = 0;
  if (input.complete) {
    // Kept: what this listing matched, and what it listed but we rejected this time.
    const rejected = new Set([...(input.rejectedGuids ?? []), ...errors.map((e) => e.guid ?? '')]);
    const keep = new Set([...plan.updates.map((u) => u.known._id), ...plan.unchanged.map((k) => k._id)]);
    for (const k of known) if (rejected.has(k.guid)) keep.add(k._id);
    withdrawn = await withdrawMissing(input.sourceId, known, keep, now);
  }
  return {
    counts: { created: inserted, updated, unchanged: plan.unchanged.length, withdrawn, rejected: errors.length },
    itemErrors: errors,
  };
}
