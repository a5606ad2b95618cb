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

/** Makes a run id, also used as the claim's token. */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

/** Tries to claim the source's current generation; returns it with its lease, or undefined. */
export async function claimSource(source: SourceDoc, owner: string, now: Date, leaseMs: number): Promise<SourceDoc | undefined> {
  const generation = source.state.generation ?? 0;
  const latest = await ClaimModel.findOne({ sourceId: source._id, generation }).sort({ attempt: -1 }).lean<ClaimDoc>();
  if (latest && latest.until > now) return undefined;
  const attempt = latest ? latest.attempt + 1 : 0;
  const lease = { owner, until: new Date(now.getTime() + leaseMs), runId: newRunId(), generation, attempt };
  try {
    await ClaimModel.create({ _id: `${source._id}#${generation}#${attempt}`, sourceId: source._id, ...lease, createdAt: now });
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
  // Informational copy for admins; the claims collection is the truth.
  await SourceModel.updateOne({ _id: source._id }, { $set: { lease } });
  return { ...source, lease };
}

/** Claims the most overdue enabled sources that are free, at most `max`. */
export async function claimDueSources(owner: string, now: Date, leaseMs: number, max: number): Promise<SourceDoc[]> {
  if (max <= 0) return [];
  const due = await SourceModel.find({
    enabled: true, 'state.nextRunAt': { $lte: now },
    $or: [{ lease: { $exists: false } }, { 'lease.until': { $lt: now } }],
  }).sort({ 'state.nextRunAt': 1 }).limit(max * 4).lean<SourceDoc[]>();
  const claimed: SourceDoc[] = [];
  for (const source of due) {
    if (claimed.length >= max) break;
    const mine = await claimSource(source, owner, now, leaseMs);
    if (mine) claimed.push(mine);
  }
  return claimed;
}

/** Claims one source by id whatever its schedule (admin "run now"); undefined when busy. */
export async function claimSourceById(id: string, owner: string, now: Date, leaseMs: number): Promise<SourceDoc | undefined> {
  const source = await SourceModel.findById(id).lean<SourceDoc>();
  return source ? claimSource(source, owner, now, leaseMs) : undefined;
}

/**
 * Ends the lease: writes the new state and the next generation, unless a later claim took
 * the source over (then this holder was presumed dead and writes nothing). Old claims of
 * the source are pruned.
 */
export async function releaseSource(source: SourceDoc, state: SourceDoc['state']): Promise<boolean> {
  const lease = source.lease;
  if (!lease) return false;
  const overtaken = await ClaimModel.exists({ sourceId: source._id, generation: lease.generation, attempt: { $gt: lease.attempt } });
  if (overtaken) return false;
  await SourceModel.updateOne({ _id: source._id }, { $set: { state: { ...state, generation: lease.generation + 1 } }, $unset: { lease: '' } });
  await ClaimModel.deleteMany({ sourceId: source._id, generation: { $lt: lease.generation } });
  return true;
}
