/**
 * Keeps an item's `stats` equal to its like and published-comment records.
 *
 * Why not `$inc` on each change: FerretDB 1.24 (the local database) applies `$inc` and
 * conditional `findOneAndUpdate` as read-modify-write without isolation; measured on it,
 * 100 concurrent `$inc: 1` left 20. What it does do exactly is inserts under a unique
 * index and deletes. So the records are the truth (one like per (item, visitor) by unique
 * index) and the item's counts are copied from them:
 *
 *   repeat: count the records, read the item's stats; stop when equal, else write them.
 *
 * A writer stops only after seeing the stored stats equal to counts taken after its own
 * record change, and every writer that writes checks again afterwards; so once changes
 * stop, the last write to the item was checked against the final records: the stored
 * counts are exact, across any number of hub processes, on MongoDB and FerretDB alike.
 * Within one process, concurrent requests for the same item share one pass (the next
 * pass to start sees every change made before it starts), which keeps 200 simultaneous
 * likes to a handful of passes.
 */
import { announceItemStats, readItemStats, writeItemStats } from '../../items/index.js';
import { countItemStats, type ItemStats } from './count-item-stats.js';

const MAX_ROUNDS = 12;

interface ItemSync {
  /** The pass that has not started yet, shared by everyone who asks meanwhile. */
  queued?: Promise<ItemStats>;
  running: Promise<unknown>;
}

const syncs = new Map<string, ItemSync>();

function sameStats(stored: { likes?: number; comments?: number } | undefined, truth: ItemStats): boolean {
  return stored?.likes === truth.likes && stored?.comments === truth.comments;
}

async function runPass(itemId: string): Promise<ItemStats> {
  const truth = await reconcile(itemId);
  announceItemStats(itemId, truth);
  return truth;
}

async function reconcile(itemId: string): Promise<ItemStats> {
  let truth = await countItemStats(itemId);
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    const stored = await readItemStats(itemId);
    if (!stored || sameStats(stored, truth)) return truth;
    await writeItemStats(itemId, truth);
    // Other processes may be writing too: back off a little, then check again.
    if (round > 2) await new Promise((r) => setTimeout(r, Math.random() * 20 * round));
    truth = await countItemStats(itemId);
  }
  return truth;
}

/** Brings the item's stats in line with its records; resolves with the exact counts. */
export function syncItemStats(itemId: string): Promise<ItemStats> {
  const current = syncs.get(itemId);
  if (current?.queued) return current.queued;
  const previous = current?.running ?? Promise.resolve();
  const entry: ItemSync = { running: previous };
  const pass = previous
    .catch(() => undefined)
    .then(() => {
      entry.queued = undefined;
      return runPass(itemId);
    });
  entry.queued = pass;
  entry.running = pass
    .finally(() => {
      if (syncs.get(itemId) === entry) syncs.delete(itemId);
    })
    .catch(() => undefined);
  syncs.set(itemId, entry);
  return pass;
}

/** Syncs several items (after an erasure, say), one after the other. */
export async function syncItemsStats(itemIds: Iterable<string>): Promise<void> {
  for (const id of new Set(itemIds)) await syncItemStats(id);
}
