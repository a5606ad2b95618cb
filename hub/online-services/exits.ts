/**
 * Counted ways out (/sortie/:id): one record per exit holding the service and the Nouméa
 * day — no visitor key, no address, no time of day. Inserts only (each under a new id),
 * so concurrent exits are never lost; counts are computed from the records.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { ExitModel } from './service-model.js';

const ZONE = 'Pacific/Noumea';

/** The Nouméa day (YYYY-MM-DD) of a moment. */
export function toNoumeaDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate() ?? '';
}

/** Records one exit towards a service. */
export async function recordExit(serviceId: string, at = new Date()): Promise<void> {
  await ExitModel.create({ _id: randomBytes(12).toString('hex'), serviceId, day: toNoumeaDay(at) });
}

/** Exits per service and day between two Nouméa days (inclusive). */
export async function countExits(from: string, to: string): Promise<Map<string, Map<string, number>>> {
  const rows = await ExitModel.aggregate<{ _id: { serviceId: string; day: string }; count: number }>([
    { $match: { day: { $gte: from, $lte: to } } },
    { $group: { _id: { serviceId: '$serviceId', day: '$day' }, count: { $sum: 1 } } },
  ]);
  const out = new Map<string, Map<string, number>>();
  for (const { _id, count } of rows) {
    const days = out.get(_id.serviceId) ?? new Map<string, number>();
    days.set(_id.day, count);
    out.set(_id.serviceId, days);
  }
  return out;
}
