/**
 * The scheduler's lease on a source, so that of several hub processes on one database
 * exactly one runs a due source. A source has a `generation`, bumped by the holder when
 * its run ends; claiming generation g is inserting the claim `source#g#attempt`. Only
 * one insert of an id can succeed. A crashed holder's claim expires (`until`); the next
 * claimer then inserts attempt + 1, and the late holder, if it comes back, finds a newer
 * attempt and writes nothing to the source.
 */
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/index.js';
import { SourceModel, type SourceDoc } from '../sources/source-model.js';
import { ClaimModel, type ClaimDoc } from './claim-model.js';
import { nextCronRun } from './next-run.js';

function claimId(sourceId: string, generation: number, attempt: number): string {
  return `${sourceId}#${generation}#${attempt}`;
}

/** Makes a run id, also used as the claim's token. */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

/** Tries to claim the source's current generation; returns it with its lease, or undefined. */
export async function claimSource(
  source: SourceDoc,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<SourceDoc | undefined> {
  const generation = source.state.generation ?? 0;
  const latest = await ClaimModel.findOne({ sourceId: source._id, generation }).sort({ attempt: -1 }).lean<ClaimDoc>();
  if (latest && latest.until > now) return undefined;
  const attempt = latest ? latest.attempt + 1 : 0;
  const lease = { owner, until: new Date(now.getTime() + leaseMs), runId: newRunId(), generation, attempt };
  try {
    await ClaimModel.create({
      _id: claimId(source._id, generation, attempt),
      sourceId: source._id,
      ...lease,
      createdAt: now,
    });
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
  // Run the source as it is now, not as it was listed: it may have been changed or deleted.
  const fresh = await SourceModel.findById(source._id).lean<SourceDoc>();
  if (!fresh) {
    await ClaimModel.deleteOne({ _id: claimId(source._id, generation, attempt) });
    return undefined;
  }
  // Informational copy for admins; the claims collection is the truth.
  await SourceModel.updateOne({ _id: source._id }, { $set: { lease } });
  return { ...fresh, lease };
}

/** Extends our claim while a long run goes on (only the holder writes its own claim). */
export async function renewClaim(source: SourceDoc, until: Date): Promise<void> {
  const lease = source.lease;
  if (lease)
    await ClaimModel.updateOne(
      { _id: claimId(source._id, lease.generation, lease.attempt), runId: lease.runId },
      { $set: { until } },
    );
}

/** Claims the most overdue enabled sources that are free, at most `max`. */
export async function claimDueSources(owner: string, now: Date, leaseMs: number, max: number): Promise<SourceDoc[]> {
  if (max <= 0) return [];
  const due = await SourceModel.find({
    enabled: true,
    'state.nextRunAt': { $lte: now },
    $or: [{ lease: { $exists: false } }, { 'lease.until': { $lt: now } }],
  })
    .sort({ 'state.nextRunAt': 1 })
    .limit(max * 4)
    .lean<SourceDoc[]>();
  const claimed: SourceDoc[] = [];
  for (const source of due) {
    if (claimed.length >= max) break;
    const mine = await claimSource(source, owner, now, leaseMs);
    if (mine) claimed.push(mine);
  }
  return claimed;
}

/** Claims one source by id whatever its schedule (admin "run now"); undefined when busy. */
export async function claimSourceById(
  id: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<SourceDoc | undefined> {
  const source = await SourceModel.findById(id).lean<SourceDoc>();
  return source ? claimSource(source, owner, now, leaseMs) : undefined;
}

/** How a lease ended. */
export type ReleaseOutcome = 'released' | 'overtaken' | 'gone';

/** Fields whose change makes the stored validators (ETag, body hash) meaningless. */
const READ_FIELDS = ['url', 'mapping', 'defaults', 'complete'] as const;

/**
 * Ends the lease: writes the new state and the next generation, unless a later claim took
 * the source over (then this holder was presumed dead and writes nothing) or the source was
 * deleted meanwhile. An admin change made during the run wins over the run's view of the
 * source: a new schedule decides the next run, a new URL or mapping drops the validators.
 */
export async function releaseSource(
  source: SourceDoc,
  state: SourceDoc['state'],
  now = new Date(),
): Promise<ReleaseOutcome> {
  const lease = source.lease;
  if (!lease) return 'overtaken';
  const overtaken = await ClaimModel.exists({
    sourceId: source._id,
    generation: lease.generation,
    attempt: { $gt: lease.attempt },
  });
  if (overtaken) return 'overtaken';
  const current = await SourceModel.findById(source._id).lean<SourceDoc>();
  if (!current) return 'gone';
  const next = { ...state, generation: lease.generation + 1 };
  if (current.schedule !== source.schedule) next.nextRunAt = nextCronRun(current.schedule, now);
  if (READ_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(source[f]))) {
    delete next.etag;
    delete next.lastModified;
    delete next.bodyHash;
  }
  await SourceModel.updateOne({ _id: source._id }, { $set: { state: next }, $unset: { lease: '' } });
  await ClaimModel.deleteMany({ sourceId: source._id, generation: { $lt: lease.generation } });
  return 'released';
}
