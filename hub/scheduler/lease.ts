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
import { findDueSources, findSource, recordLease, writeRunState, type SourceDoc } from '../sources/index.js';
import { ClaimModel, type ClaimDoc } from './claim-model.js';

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
  const fresh = await findSource(source._id);
  if (!fresh) {
    await ClaimModel.deleteOne({ _id: claimId(source._id, generation, attempt) });
    return undefined;
  }
  await recordLease(source._id, lease);
  return { ...fresh, lease };
}

/** Extends our claim while a long run goes on (only the holder writes its own claim). */
export async function renewClaim(source: SourceDoc, until: Date): Promise<void> {
  const lease = source.lease;
  if (!lease) return;
  await ClaimModel.updateOne(
    { _id: claimId(source._id, lease.generation, lease.attempt), runId: lease.runId },
    { $set: { until } },
  );
  // The copy on the source too, so that the due-source query does not offer it meanwhile.
  await recordLease(source._id, { ...lease, until });
}

/**
 * Claims the sources whose holder stopped renewing its claim (a crashed or frozen hub):
 * the caller closes the holder's run as interrupted and releases them. One process wins
 * each, as for any claim.
 */
export async function claimAbandonedSources(owner: string, now: Date, leaseMs: number): Promise<SourceDoc[]> {
  const expired = await ClaimModel.find({ until: { $lt: now } }, { sourceId: 1, generation: 1 }).lean<ClaimDoc[]>();
  const claimed: SourceDoc[] = [];
  for (const sourceId of new Set(expired.map((c) => c.sourceId))) {
    const source = await findSource(sourceId);
    // A released generation moved the source on; only the claim of its current generation counts.
    const current =
      source && expired.some((c) => c.sourceId === sourceId && c.generation === (source.state.generation ?? 0));
    const mine = current ? await claimSource(source, owner, now, leaseMs) : undefined;
    if (mine) claimed.push(mine);
  }
  return claimed;
}

/** Claims the most overdue enabled sources that are free, at most `max`. */
export async function claimDueSources(owner: string, now: Date, leaseMs: number, max: number): Promise<SourceDoc[]> {
  if (max <= 0) return [];
  const claimed: SourceDoc[] = [];
  for (const source of await findDueSources(now, max * 4)) {
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
  const source = await findSource(id);
  return source ? claimSource(source, owner, now, leaseMs) : undefined;
}

/** The run id of the claim currently held on a source, if any holder's claim is still valid. */
export async function currentRunId(sourceId: string, now: Date): Promise<string | undefined> {
  const latest = await ClaimModel.findOne({ sourceId }).sort({ generation: -1, attempt: -1 }).lean<ClaimDoc>();
  return latest && latest.until > now ? latest.runId : undefined;
}

/** How a lease ended. */
export type ReleaseOutcome = 'released' | 'overtaken' | 'gone';

/**
 * Ends the lease: writes the new state and the next generation, unless a later claim took
 * the source over (then this holder was presumed dead and writes nothing) or the source was
 * deleted meanwhile.
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
  if (!(await writeRunState(source, { ...state, generation: lease.generation + 1 }, now))) return 'gone';
  await ClaimModel.deleteMany({ sourceId: source._id, generation: { $lt: lease.generation } });
  return 'released';
}
