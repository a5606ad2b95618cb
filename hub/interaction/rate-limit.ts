/**
 * A sliding-window rate limiter stored in MongoDB, so that every hub process shares the
 * same limits. Each counted action is one small document {rule, key, at, expiry}; a
 * request is allowed while the documents of its key inside the window do not exceed the
 * limit.
 *
 * Why a log of hits and not a {key, window} counter with $inc: FerretDB 1.24 (the local
 * database) applies $inc as read-modify-write and loses concurrent increments, whereas
 * inserts are exact. Refused attempts are removed again, so a flood does not extend its
 * own lockout. Old hits are purged by the limiter itself (at most once a minute per
 * process) and by purgeRateHits; FerretDB 1.24 has no TTL indexes.
 */
import { Schema, model } from 'mongoose';
import { RateLimited } from '../domain-errors.js';
import { recordRateLimitRefusal } from '../metrics/index.js';

/** One limit: at most `limit` actions per `windowMs` for a key. */
export interface RateRule {
  /** Stable name, part of the stored key (e.g. comment-visitor). */
  name: string;
  limit: number;
  windowMs: number;
}

/** A rule applied to one key (a hashed visitor, a hashed address…); one rule per request at most once. */
export interface RateHit {
  rule: RateRule;
  key: string;
}

interface RateHitDoc {
  /** Rule name. */
  r: string;
  /** Key (hashed visitor or address). */
  k: string;
  at: Date;
  /** When the hit leaves its window and may be purged. */
  exp: Date;
}

const schema = new Schema<RateHitDoc>(
  {
    r: { type: String, required: true },
    k: { type: String, required: true },
    at: { type: Date, required: true },
    exp: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ r: 1, k: 1, at: 1 });
schema.index({ k: 1 });
schema.index({ exp: 1 });

export const RateHitModel = model<RateHitDoc>('RateHit', schema, 'rate_hits');

const PURGE_EVERY_MS = 60_000;
let lastPurge = 0;

/** Milliseconds until the key falls back under its limit (the window of its oldest excess hit). */
async function retryAfterMs(hit: RateHit, count: number, now: Date): Promise<number> {
  const { rule } = hit;
  const excess = Math.max(0, count - rule.limit - 1);
  const oldest = await RateHitModel.find(windowFilter(hit, now))
    .sort({ at: 1 })
    .skip(excess)
    .limit(1)
    .lean<RateHitDoc[]>();
  const at = oldest[0]?.at.getTime() ?? now.getTime();
  return Math.max(1_000, at + rule.windowMs - now.getTime());
}

/**
 * Counts one action against every rule; throws RateLimited (429 `rate_limited` with Retry-After) when
 * any rule is exceeded, and then counts nothing.
 */
export async function consumeRateLimits(hits: RateHit[], now: Date = new Date()): Promise<void> {
  const docs = await RateHitModel.insertMany(
    hits.map((h) => ({ r: h.rule.name, k: h.key, at: now, exp: new Date(now.getTime() + h.rule.windowMs) })),
  );
  const counts = await countInWindows(hits, now);
  const over = hits
    .map((h) => ({ h, count: counts.get(h.rule.name) ?? 0 }))
    .filter(({ h, count }) => count > h.rule.limit);
  maybePurge(now);
  if (!over.length) return;
  await RateHitModel.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
  for (const { h } of over) recordRateLimitRefusal(h.rule.name);
  const waits = await Promise.all(over.map(({ h, count }) => retryAfterMs(h, count, now)));
  throw new RateLimited(
    `trop d'actions en peu de temps (${over[0]?.h.rule.name}) : réessayez plus tard`,
    Math.max(...waits) / 1000,
  );
}

/** Hits inside each rule's window, by rule name, in one query (rule names are distinct). */
async function countInWindows(hits: RateHit[], now: Date): Promise<Map<string, number>> {
  if (hits.length === 1 && hits[0])
    return new Map([[hits[0].rule.name, await RateHitModel.countDocuments(windowFilter(hits[0], now))]]);
  const rows = await RateHitModel.aggregate<{ _id: string; n: number }>([
    { $match: { $or: hits.map((h) => windowFilter(h, now)) } },
    { $group: { _id: '$r', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}

function windowFilter(hit: RateHit, now: Date): Record<string, unknown> {
  return { r: hit.rule.name, k: hit.key, at: { $gt: new Date(now.getTime() - hit.rule.windowMs) } };
}

function maybePurge(now: Date): void {
  if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now.getTime();
  void purgeRateHits(now).catch(() => undefined);
}

/** Deletes the hits that have left their window; returns how many. */
export async function purgeRateHits(now: Date = new Date()): Promise<number> {
  const { deletedCount } = await RateHitModel.deleteMany({ exp: { $lt: now } });
  return deletedCount;
}

/** Deletes every hit of a key under any rule (used when a visitor erases their data). */
export async function forgetRateKey(key: string): Promise<number> {
  const { deletedCount } = await RateHitModel.deleteMany({ k: key });
  return deletedCount;
}
