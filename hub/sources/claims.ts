/**
 * What the scheduler reads and writes of a source around a run: the due sources, the
 * informational copy of its lease, and the state written when the run ends. The claim
 * itself (who may run a source) is the scheduler's; these are the source's side of it.
 */
import { nextCronRun } from './schedule.js';
import { sourcesChanged } from './source-list.js';
import { SourceModel, type SourceDoc } from './source-model.js';

/** A source's state, as stored. */
export type SourceState = SourceDoc['state'];
/** The scheduler's lease, as copied on the source for admins. */
export type SourceLease = NonNullable<SourceDoc['lease']>;

/** Enabled sources whose next run is due and whose lease (if any) has expired, most overdue first. */
export async function findDueSources(now: Date, limit: number): Promise<SourceDoc[]> {
  return SourceModel.find({
    enabled: true,
    'state.nextRunAt': { $lte: now },
    $or: [{ lease: { $exists: false } }, { 'lease.until': { $lt: now } }],
  })
    .sort({ 'state.nextRunAt': 1 })
    .limit(limit)
    .lean<SourceDoc[]>();
}

/** Copies the lease onto the source (for admins; the claims are the truth). */
export async function recordLease(sourceId: string, lease: SourceLease): Promise<void> {
  await SourceModel.updateOne({ _id: sourceId }, { $set: { lease } });
  await sourcesChanged();
}

/** Fields whose change makes the stored validators (ETag, body hash) meaningless. */
const READ_FIELDS = ['url', 'mapping', 'defaults', 'complete', 'entries'] as const;

/**
 * Writes the state a run ended with and drops the lease. An admin change made during the
 * run wins over the run's view of the source: a new schedule decides the next run, a new
 * URL or mapping drops the validators. Returns false when the source was deleted meanwhile.
 */
export async function writeRunState(ran: SourceDoc, state: SourceState, now: Date): Promise<boolean> {
  const current = await SourceModel.findById(ran._id).lean<SourceDoc>();
  if (!current) return false;
  const next = { ...state };
  if (current.schedule !== ran.schedule) next.nextRunAt = nextCronRun(current.schedule, now);
  if (READ_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(ran[f]))) {
    delete next.etag;
    delete next.lastModified;
    delete next.bodyHash;
  }
  await SourceModel.updateOne({ _id: ran._id }, { $set: { state: next }, $unset: { lease: '' } });
  await sourcesChanged();
  return true;
}
