/**
 * Counted ways out (/sortie/:id): one record per exit holding the service and the Nouméa
 * day — no visitor key, no address, no time of day. Inserts only (each under a new id),
 * so concurrent exits are never lost; counts are computed from the records.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { ExitModel, type ExitDoc } from './service-model.js';

const ZONE = 'Pacific/Noumea';

/** The Nouméa day (YYYY-MM-DD) of a moment. */
export function toNoumeaDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate() ?? '';
}

/** Records one exit towards a service. */
export async function recordExit(serviceId: string, at = new Date()): Promise<void> {
  await ExitModel.create({ _id: randomBytes(12).toString('hex'), serviceId, day: toNoumeaDay(at) });
}

type Counts = Map<string, Map<string, number>>;

/** Raw exits (records without a total) per service and day matching `day`. */
async function countRaw(day: Record<string, string>): Promise<{ serviceId: string; day: string; count: number }[]> {
  const rows = await ExitModel.aggregate<{ _id: { serviceId: string; day: string }; count: number }>([
    { $match: { day, total: { $exists: false } } },
    { $group: { _id: { serviceId: '$serviceId', day: '$day' }, count: { $sum: 1 } } },
  ]);
  return rows.map(({ _id, count }) => ({ ...(_id as { serviceId: string; day: string }), count }));
}

/**
 * Exits per service and day between two Nouméa days (inclusive): a compacted day's total,
 * else its raw records. A day that has a total ignores any raw record left beside it (a
 * compaction stopped between its insert and its deletes), so nothing counts twice.
 */
export async function countExits(from: string, to: string): Promise<Counts> {
  const range = { $gte: from, $lte: to };
  const [raw, totals] = await Promise.all([
    countRaw(range),
    ExitModel.find({ day: range, total: { $exists: true } }).lean<ExitDoc[]>(),
  ]);
  const out: Counts = new Map();
  const put = (serviceId: string, day: string, count: number) => {
    const days = out.get(serviceId) ?? new Map<string, number>();
    days.set(day, count);
    out.set(serviceId, days);
  };
  for (const r of raw) put(r.serviceId, r.day, r.count);
  for (const t of totals) put(t.serviceId, t.day, t.total ?? 0);
  return out;
}

/**
 * Folds the raw exits of the days that are over (Nouméa time) into one total per (service,
 * day) under the id `${serviceId}:${day}`, then deletes those raw records. Safe to repeat
 * and to run on several hubs: the total is an insert under a unique id; when it already
 * exists (an earlier run stopped before its deletes), its raw records are only deleted.
 */
export async function compactExits(now = new Date()): Promise<{ days: number; records: number }> {
  const groups = await countRaw({ $lt: toNoumeaDay(now) });
  let records = 0;
  for (const { serviceId, day, count } of groups) {
    try {
      await ExitModel.create({ _id: `${serviceId}:${day}`, serviceId, day, total: count });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    records += (await ExitModel.deleteMany({ serviceId, day, total: { $exists: false } })).deletedCount;
  }
  return { days: groups.length, records };
}
