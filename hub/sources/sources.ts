/** Source operations: one small function per verb. */
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/index.js';
import { Conflict } from '../domain-errors.js';
import type { SourceInput } from '../../schemas/index.js';
import { withdrawSourceItems } from '../items/index.js';
import { deleteRuns } from './runs.js';
import { DEFAULT_SCHEDULE, nextCronRun } from './schedule.js';
import { SourceModel, type SourceDoc } from './source-model.js';

/** Runs a write; a duplicate (kind, url) becomes 409 source_exists naming the existing source. */
async function translateDuplicate<T>(input: Partial<SourceInput>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await SourceModel.findOne({ url: input.url }, { _id: 1, partnerId: 1 }).lean<{
      _id: string;
      partnerId: string;
    }>();
    throw new Conflict(
      'source_exists',
      `cette adresse est déjà la source ${existing?._id ?? ''} (partenaire ${existing?.partnerId ?? '?'})`,
    );
  }
}

/** Creates a source; its first run is due at once. */
export async function createSource(input: SourceInput, now = new Date()): Promise<SourceDoc> {
  const doc = await translateDuplicate(input, () =>
    SourceModel.create({
      _id: randomBytes(6).toString('hex'),
      ...input,
      schedule: input.schedule ?? DEFAULT_SCHEDULE,
      enabled: input.enabled ?? true,
      state: { consecutiveFailures: 0, nextRunAt: now },
      createdAt: now,
      updatedAt: now,
    }),
  );
  return doc.toObject();
}

/** Lists sources, optionally of one partner, or only those with an alert. */
export async function listSources(filter: { partnerId?: string; alerts?: boolean } = {}): Promise<SourceDoc[]> {
  const query: Record<string, unknown> = {};
  if (filter.partnerId) query.partnerId = filter.partnerId;
  if (filter.alerts) query['state.alert'] = { $exists: true };
  return SourceModel.find(query).sort({ partnerId: 1, createdAt: 1 }).lean<SourceDoc[]>();
}

export async function findSource(id: string): Promise<SourceDoc | undefined> {
  return (await SourceModel.findById(id).lean<SourceDoc>()) ?? undefined;
}

/** Applies a validated patch; a new schedule or a re-enabled source is due by its new cron. */
export async function updateSource(
  current: SourceDoc,
  patch: Partial<SourceInput>,
  now = new Date(),
): Promise<SourceDoc | undefined> {
  const $set: Record<string, unknown> = { ...patch, updatedAt: now };
  if (patch.schedule || patch.enabled === true)
    $set['state.nextRunAt'] = nextCronRun(patch.schedule ?? current.schedule, now);
  // A change in what is fetched or how it is read must not be answered by a 304.
  const reread = ['url', 'mapping', 'complete', 'defaults', 'entries'].some((k) => k in patch);
  const $unset = reread ? { 'state.etag': '', 'state.lastModified': '', 'state.bodyHash': '' } : {};
  return (
    (await translateDuplicate(patch, () =>
      SourceModel.findOneAndUpdate({ _id: current._id }, { $set, $unset }, { new: true }).lean<SourceDoc>(),
    )) ?? undefined
  );
}

/** Deletes a source; its items are withdrawn (never deleted) and its runs removed. */
export async function deleteSource(id: string, now = new Date()): Promise<boolean> {
  const { deletedCount } = await SourceModel.deleteOne({ _id: id });
  if (deletedCount !== 1) return false;
  await withdrawSourceItems(id, now);
  await deleteRuns(id);
  return true;
}

/** Whether a partner still has sources (0 or 1: enough to refuse its deletion). */
export async function countPartnerSources(partnerId: string): Promise<number> {
  return SourceModel.countDocuments({ partnerId }, { limit: 1 });
}

/** Active sources for the OPML listing. */
export async function listActiveSources(): Promise<SourceDoc[]> {
  return SourceModel.find({ enabled: true }).sort({ partnerId: 1, createdAt: 1 }).lean<SourceDoc[]>();
}
