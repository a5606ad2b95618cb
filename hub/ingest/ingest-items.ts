/**
 * Writes one listing of a source into MongoDB: inserts new items, updates changed ones
 * (revision + 1), leaves unchanged ones untouched (no write at all), and — for a source
 * that lists everything — withdraws the items that vanished. Never deletes.
 */
import { type ItemInput, validateAgainst } from '../../schemas/index.js';
import {
  findKnownItems,
  insertItems,
  listKnownItems,
  updateItems,
  withdrawItems,
  type KnownItem,
} from '../items/index.js';
import { planUpserts } from './plan-upserts.js';

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

function withdrawMissing(sourceId: string, known: KnownItem[], keep: Set<string>, now: Date): Promise<number> {
  const gone = known.filter((k) => k.status === 'published' && !keep.has(k._id)).map((k) => k._id);
  return withdrawItems(sourceId, gone, now);
}

/** Ingests one listing; see the module comment for the semantics. */
export async function ingestItems(input: IngestInput): Promise<IngestResult> {
  const now = input.now ?? new Date();
  const { valid, errors } = validateItems(input.items, input.sourceId);
  const known = await listKnownItems(input.sourceId);
  const plan = planUpserts(valid, known);
  const { inserted, raced } = await insertItems(plan.inserts, now);
  let updated = await updateItems(plan.updates, now);
  if (raced.length) {
    const again = planUpserts(raced, await findKnownItems(raced.map((r) => r.id)));
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
