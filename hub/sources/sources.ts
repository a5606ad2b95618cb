/** Source operations: one small function per verb. */
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/index.js';
import { Conflict } from '../domain-errors.js';
import type { SourceInput } from '../../schemas/index.js';
import { withdrawSourceItems } from '../items/index.js';
import { deleteRuns } from './runs.js';
import { DEFAULT_SCHEDULE, nextCronRun } from './schedule.js';
import { splitAddressCredentials } from '../../connectors/index.js';
import { resolveCredentials, type StoredCredentials } from './credentials.js';
import { allSources, sourcesChanged } from './source-list.js';
import { SourceModel, type SourceDoc } from './source-model.js';

/**
 * Runs a write; a duplicate (kind, url) becomes 409 source_exists. The existing source is
 * named only when it belongs to the same partner: another partner's sources are not the
 * caller's to know (a partner admin would learn who else reads that address).
 */
async function translateDuplicate<T>(
  written: { partnerId: string; url: string | undefined },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    throw new Conflict('source_exists', await describeDuplicate(written));
  }
}

async function describeDuplicate({ partnerId, url }: { partnerId: string; url: string | undefined }): Promise<string> {
  const own = url ? await SourceModel.findOne({ url, partnerId }, { _id: 1 }).lean<{ _id: string }>() : null;
  return own
    ? `cette adresse est déjà la source ${own._id} de ce partenaire`
    : "cette adresse est déjà celle d'une autre source (une seule source par adresse et par type)";
}

/** What is written of a source: its input, with credentials already sealed (credentials.ts). */
export type SourceWrite = Omit<SourceInput, 'credentials'> & { credentials?: StoredCredentials | undefined };
/** A change: credentials sealed, null to remove them. */
export type SourcePatch = Omit<Partial<SourceInput>, 'credentials'> & { credentials?: StoredCredentials | null };

/** Creates a source; its first run is due at once. */
export async function createSource(input: SourceWrite, now = new Date()): Promise<SourceDoc> {
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
  await sourcesChanged();
  return doc.toObject();
}

/** Lists sources, optionally of one partner, or only those with an alert (from memory: source-list.ts). */
export async function listSources(filter: { partnerId?: string; alerts?: boolean } = {}): Promise<SourceDoc[]> {
  return (await allSources()).filter(
    (s) =>
      (!filter.partnerId || s.partnerId === filter.partnerId) &&
      (!filter.alerts || (s.state !== undefined && 'alert' in s.state)),
  );
}

/**
 * A source from the copy held in memory (source-list.ts: this process's writes at once,
 * another process's within a second), for the pages that show one; no FerretDB read.
 */
export async function findListedSource(id: string): Promise<SourceDoc | undefined> {
  return (await allSources()).find((s) => s._id === id);
}

export async function findSource(id: string): Promise<SourceDoc | undefined> {
  return (await SourceModel.findById(id).lean<SourceDoc>()) ?? undefined;
}

/** Applies a validated patch; a new schedule or a re-enabled source is due by its new cron. */
export async function updateSource(
  current: SourceDoc,
  patch: SourcePatch,
  now = new Date(),
): Promise<SourceDoc | undefined> {
  const { credentials, ...fields } = patch;
  const $set: Record<string, unknown> = { ...fields, updatedAt: now };
  if (credentials) $set.credentials = credentials;
  if (patch.schedule || patch.enabled === true)
    $set['state.nextRunAt'] = nextCronRun(patch.schedule ?? current.schedule, now);
  // A change in what is fetched or how it is read must not be answered by a 304.
  const reread = ['url', 'mapping', 'complete', 'defaults', 'credentials', 'entries'].some((k) => k in patch);
  const $unset: Record<string, ''> = reread ? { 'state.etag': '', 'state.lastModified': '', 'state.bodyHash': '' } : {};
  if (credentials === null) $unset.credentials = '';
  const updated = await translateDuplicate({ partnerId: current.partnerId, url: patch.url }, () =>
    SourceModel.findOneAndUpdate({ _id: current._id }, { $set, $unset }, { new: true }).lean<SourceDoc>(),
  );
  await sourcesChanged();
  return updated ?? undefined;
}

/** Deletes a source; its items are withdrawn (never deleted) and its runs removed. */
export async function deleteSource(id: string, now = new Date()): Promise<boolean> {
  const { deletedCount } = await SourceModel.deleteOne({ _id: id });
  if (deletedCount !== 1) return false;
  await sourcesChanged();
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

/**
 * Moves the credentials still written in stored addresses (user:password@, key-like query
 * parameters) into the sealed credentials (migration 002). Idempotent: a clean address is
 * left alone. An address that, cleaned, is another source's is left as it was and counted
 * in `conflicts` (the operator merges the two sources).
 */
export async function moveCredentialsOutOfAddresses(): Promise<{ moved: number; conflicts: number }> {
  const sources = await SourceModel.find({}, { _id: 1, url: 1, credentials: 1 }).lean<SourceDoc[]>();
  let moved = 0;
  let conflicts = 0;
  for (const source of sources) {
    if (splitAddressCredentials(source.url).url === source.url) continue;
    const { url, credentials } = await resolveCredentials({ url: source.url }, source);
    try {
      await SourceModel.updateOne({ _id: source._id }, { $set: { url, credentials, updatedAt: new Date() } });
      await sourcesChanged();
      moved += 1;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      conflicts += 1;
    }
  }
  return { moved, conflicts };
}
