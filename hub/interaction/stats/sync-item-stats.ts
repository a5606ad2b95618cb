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
 * likes to a handful of passes. The loop itself is hub/db/count-copy.ts, shared with the
 * supports of wishes.
 */
import { createCountSync } from '../../db/index.js';
import { announceItemStats, readItemStats, writeItemStats } from '../../items/index.js';
import { countItemStats, type ItemStats } from './count-item-stats.js';

function sameStats(stored: unknown, truth: ItemStats): boolean {
  const s = stored as Partial<ItemStats>;
  return s.likes === truth.likes && s.comments === truth.comments;
}

const syncCounts = createCountSync<ItemStats>({
  count: countItemStats,
  read: readItemStats,
  write: writeItemStats,
  same: sameStats,
});

/** Brings the item's stats in line with its records; resolves with the exact counts. */
export async function syncItemStats(itemId: string): Promise<ItemStats> {
  const truth = await syncCounts(itemId);
  announceItemStats(itemId, truth);
  return truth;
}

/** Syncs several items (after an erasure, say), one after the other. */
export async function syncItemsStats(itemIds: Iterable<string>): Promise<void> {
  for (const id of new Set(itemIds)) await syncItemStats(id);
}
