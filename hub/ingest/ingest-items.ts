/**
 * Writes one listing of a source into MongoDB: inserts new items, updates changed ones
 * (revision + 1), leaves unchanged ones untouched (no write at all), and — for a source
 * that lists everything — withdraws the items that vanished. Never deletes.
 *
 * Writes go in batches, each followed by `onWritten`: the run then marks the items as
 * changed, so that what a run wrote becomes searchable even if its process dies before the
 * end. CPU-bound steps give the event loop back between small slices.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type ItemInput, validateAgainst } from '../../schemas/index.js';
import {
  findKnownItems,
  insertItems,
  listKnownItems,
  updateItems,
  withdrawItems,
  type KnownItem,
} from '../items/index.js';
import { planNewItemStories } from '../stories/index.js';
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
  /** Called after each batch that changed stored items (before the next batch is written). */
  onWritten?: () => Promise<void>;
}

export interface IngestResult {
  counts: IngestCounts;
  itemErrors: { guid?: string; reason: string }[];
  /**
   * The source's published items after the run, from the items it read at its start and
   * what it wrote (the sources list shows it): no count of the items afterwards, which
   * FerretDB answers by scanning the whole collection while every hub's reads wait.
   */
  published?: number;
}

// ajv compiles every schema at the first validation of the process: ~120 ms of main-thread
// CPU in one stretch (a profile of the isolation bench, issue 16), which fell on the first
// run's writes. Done while the hub's modules load, before it listens: no request waits.
validateAgainst('ItemInput', {});

/** Items written at once: a batch is one round trip, and one slice of the event loop. */
const BATCH = 250;
/** Items validated between two returns to the event loop (about 10 ms on the bench machine). */
const VALIDATION_SLICE = 100;

async function validateItems(
  items: ItemInput[],
  sourceId: string,
): Promise<{ valid: ItemInput[]; errors: IngestResult['itemErrors'] }> {
  const valid: ItemInput[] = [];
  const errors: IngestResult['itemErrors'] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToEventLoop();
    const problems = validateAgainst('ItemInput', item);
    if (item.sourceId !== sourceId) problems.push({ field: 'sourceId', message: `doit être ${sourceId}` });
    if (problems.length)
      errors.push({ guid: item.guid, reason: problems.map((p) => `${p.field} : ${p.message}`).join(' ; ') });
    else valid.push(item);
  }
  return { valid, errors };
}

/** Runs `write` on each batch; `onWritten` follows every batch that changed something. */
async function writeInBatches<T>(
  list: T[],
  write: (batch: T[]) => Promise<number>,
  onWritten: IngestInput['onWritten'],
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < list.length; i += BATCH) {
    const count = await write(list.slice(i, i + BATCH));
    changed += count;
    if (count > 0) await onWritten?.();
  }
  return changed;
}

/** Ingests one listing; see the module comment for the semantics. */
export async function ingestItems(input: IngestInput): Promise<IngestResult> {
  const now = input.now ?? new Date();
  const { valid, errors } = await validateItems(input.items, input.sourceId);
  const known = await listKnownItems(input.sourceId);
  const plan = planUpserts(valid, known);
  const raced: ItemInput[] = [];
  let racedPublished = 0;
  const created = await writeInBatches(
    plan.inserts,
    async (batch) => {
      // Grouped before the batch is stored (storyId goes with the insert: an update by _id
      // scans the items on FerretDB) and announced, so search never shows a story twice.
      const stories = await planNewItemStories(batch);
      const result = await insertItems(batch, now, stories.joined);
      raced.push(...result.raced);
      const lost = new Set(result.raced);
      await stories.commit(batch.filter((item) => !lost.has(item)));
      return result.inserted;
    },
    input.onWritten,
  );
  let updated = await writeInBatches(plan.updates, (batch) => updateItems(batch, now), input.onWritten);
  if (raced.length) {
    const again = planUpserts(raced, await findKnownItems(raced.map((r) => r.id)));
    racedPublished = again.updates.filter((u) => publishes(u.known)).length;
    updated += await writeInBatches(again.updates, (batch) => updateItems(batch, now), input.onWritten);
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
  const withdrawn = input.complete ? await withdrawMissing(input, known, plan, errors, now) : 0;
  return {
    counts: { created, updated, unchanged: plan.unchanged.length, withdrawn, rejected: errors.length },
    itemErrors: errors,
    published: countPublished(known, plan) + created + racedPublished - withdrawn,
  };
}

/** An update publishes the item, unless an agent withdrew it (item-writes.ts: that stands). */
function publishes(known: KnownItem): boolean {
  return known.withdrawnBy !== 'agent';
}

/** The source's items published once the plan's updates are written, before any withdrawal. */
function countPublished(known: KnownItem[], plan: ReturnType<typeof planUpserts>): number {
  const updated = new Set(plan.updates.map((u) => u.known._id));
  let n = 0;
  for (const k of known) if (updated.has(k._id) ? publishes(k) : k.status === 'published') n++;
  return n;
}

/** Withdraws what a complete listing no longer has; kept: what it matched or listed but we rejected. */
async function withdrawMissing(
  input: IngestInput,
  known: KnownItem[],
  plan: ReturnType<typeof planUpserts>,
  errors: IngestResult['itemErrors'],
  now: Date,
): Promise<number> {
  const rejected = new Set([...(input.rejectedGuids ?? []), ...errors.map((e) => e.guid ?? '')]);
  const keep = new Set([...plan.updates.map((u) => u.known._id), ...plan.unchanged.map((k) => k._id)]);
  for (const k of known) if (rejected.has(k.guid)) keep.add(k._id);
  const gone = known.filter((k) => k.status === 'published' && !keep.has(k._id)).map((k) => k._id);
  return writeInBatches(gone, (batch) => withdrawItems(input.sourceId, batch, now), input.onWritten);
}
