/**
 * Public response times per partner, from the signed history of published wishes. For each
 * partner a wish was assigned to, the clock starts at the step that assigned it and stops
 * at the first later step signed by that partner that answers (a public answer, or
 * accepte / publie / refuse / doublon). « Within 30 days » counts the wishes answered in
 * time among those that could have been: answered, or assigned 30 days ago or more.
 */
import { interactionNow } from '../../interaction/index.js';
import type { PartnerRef } from '../deps.js';
import { ANSWER_STATUSES } from './status.js';
import { WishModel, type WishDoc, type WishStep } from './wish-model.js';

const DAY = 86_400_000;

export interface PartnerResponseTimes {
  partnerId: string;
  name: string;
  /** Wishes assigned to the partner. */
  assigned: number;
  /** Of which answered by it. */
  answered: number;
  /** Median days from assignment to first answer; null before any answer. */
  medianDays: number | null;
  /** Share (0 to 1) answered within 30 days; null when no wish can be judged yet. */
  answeredWithin30Days: number | null;
}

interface Clock {
  start: Date;
  stop?: Date;
}

function answers(step: WishStep): boolean {
  return !!step.answer || ANSWER_STATUSES.includes(step.status);
}

/** partnerId → when the wish was assigned to it and when it first answered. */
export function measureWish(history: readonly WishStep[]): Map<string, Clock> {
  const clocks = new Map<string, Clock>();
  for (const step of history) {
    for (const id of step.partnerIds ?? []) if (!clocks.has(id)) clocks.set(id, { start: step.at });
    const by = step.by.partnerId;
    const clock = by ? clocks.get(by) : undefined;
    if (clock && !clock.stop && answers(step)) clock.stop = step.at;
  }
  return clocks;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** Response times of every partner that has been assigned a published wish, fastest first. */
export async function computeResponseTimes(partners: ReadonlyMap<string, PartnerRef>): Promise<PartnerResponseTimes[]> {
  const docs = await WishModel.find(
    { moderation: 'published', 'partnerIds.0': { $exists: true } },
    { history: 1 },
  ).lean<Pick<WishDoc, 'history'>[]>();
  const now = interactionNow().getTime();
  const byPartner = new Map<string, { days: number[]; assigned: number; judged: number; inTime: number }>();
  for (const doc of docs) {
    for (const [id, clock] of measureWish(doc.history)) {
      const row = byPartner.get(id) ?? { days: [], assigned: 0, judged: 0, inTime: 0 };
      row.assigned += 1;
      const days = clock.stop ? (clock.stop.getTime() - clock.start.getTime()) / DAY : undefined;
      if (days !== undefined) row.days.push(days);
      if (days !== undefined || now - clock.start.getTime() >= 30 * DAY) row.judged += 1;
      if (days !== undefined && days <= 30) row.inTime += 1;
      byPartner.set(id, row);
    }
  }
  return [...byPartner]
    .map(([partnerId, row]) => ({
      partnerId,
      name: partners.get(partnerId)?.name ?? partnerId,
      assigned: row.assigned,
      answered: row.days.length,
      medianDays: median(row.days),
      answeredWithin30Days: row.judged ? Math.round((row.inTime / row.judged) * 1000) / 1000 : null,
    }))
    .sort((a, b) => (a.medianDays ?? Infinity) - (b.medianDays ?? Infinity) || a.name.localeCompare(b.name, 'fr'));
}
