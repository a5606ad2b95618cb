/**
 * Counting searches without results, without ever slowing or failing the search: a search
 * only adds 1 to an in-memory tally (no I/O); the tally is written every 10 s as inserts of
 * (query, week, count), and read back summed per query. A failed write keeps the tally for
 * the next one; a process that dies loses at most its last 10 s.
 */
import { randomBytes } from 'node:crypto';
import { isoWeek, normalizeQuery } from './normalize.js';
import { SearchMissModel } from './search-miss-model.js';

const FLUSH_MS = 10_000;
/** Distinct (query, week) pairs held between two writes; beyond, new ones wait for the next round. */
const MAX_PENDING = 5_000;
/** Records older than this many weeks are deleted by the daily maintenance. */
export const SEARCH_MISS_WEEKS_KEPT = 26;

let pending = new Map<string, { query: string; week: string; count: number }>();
let timer: NodeJS.Timeout | undefined;

/** Counts one search that found nothing. Never throws, never waits. */
export function recordSearchMiss(q: string, at: Date = new Date()): void {
  const query = normalizeQuery(q);
  if (!query) return;
  const week = isoWeek(at);
  const key = `${week}\u0000${query}`;
  const entry = pending.get(key);
  if (entry) entry.count += 1;
  else if (pending.size < MAX_PENDING) pending.set(key, { query, week, count: 1 });
  if (!timer) {
    timer = setInterval(() => void flushSearchMisses().catch(() => undefined), FLUSH_MS);
    timer.unref();
  }
}

/** Writes the tally (inserts only); on failure it is kept for the next write and the error thrown. */
export async function flushSearchMisses(): Promise<number> {
  if (!pending.size) return 0;
  const batch = pending;
  pending = new Map();
  const docs = [...batch.values()].map((e) => ({ _id: randomBytes(12).toString('base64url'), ...e }));
  try {
    await SearchMissModel.insertMany(docs, { ordered: false });
    return docs.length;
  } catch (err) {
    // Put the tally back (added to what came meanwhile): nothing lost, nothing counted twice
    // (a partly written batch is rare: ids are random, so only a lost connection fails it).
    for (const [key, e] of batch) {
      const now = pending.get(key);
      if (now) now.count += e.count;
      else pending.set(key, e);
    }
    throw err;
  }
}

export interface UnansweredQuery {
  query: string;
  count: number;
  week: string;
}

/** The week's most frequent searches without result (this process's tally written first). */
export async function listUnansweredSearches(week: string, limit = 50): Promise<UnansweredQuery[]> {
  await flushSearchMisses().catch(() => undefined);
  const rows = await SearchMissModel.aggregate<{ _id: string; count: number }>([
    { $match: { week } },
    { $group: { _id: '$query', count: { $sum: '$count' } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: limit },
  ]);
  return rows.map((r) => ({ query: r._id, count: r.count, week }));
}

/** Deletes the records of weeks older than SEARCH_MISS_WEEKS_KEPT; returns how many. */
export async function purgeSearchMisses(at: Date): Promise<number> {
  const oldest = isoWeek(new Date(at.getTime() - SEARCH_MISS_WEEKS_KEPT * 7 * 86_400_000));
  return (await SearchMissModel.deleteMany({ week: { $lt: oldest } })).deletedCount;
}
