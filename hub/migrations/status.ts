/** What `npm run migrate -- --status` shows: where the database stands against this code. */
import { AppliedMigrationModel, MigrationClaimModel, type AppliedDoc, type MigrationClaimDoc } from './record-model.js';
import { MIGRATIONS } from './registry.js';
import { codeSchemaVersion } from './run-migrations.js';
import type { Migration } from './types.js';

export interface SchemaStatus {
  codeVersion: number;
  databaseVersion: number;
  applied: Pick<AppliedDoc, '_id' | 'version' | 'appliedAt' | 'owner' | 'hubVersion' | 'durationMs' | 'result'>[];
  /** Migrations of this code not applied yet. */
  pending: string[];
  /** Applied by a newer hub: this code does not know them. */
  unknown: string[];
  /** Claims still alive: a hub is applying these now. */
  running: Pick<MigrationClaimDoc, 'migrationId' | 'owner' | 'until'>[];
}

/** Reads the record of applied migrations and the live claims. */
export async function readSchemaStatus(
  migrations: readonly Migration[] = MIGRATIONS,
  now = new Date(),
): Promise<SchemaStatus> {
  const applied = (await AppliedMigrationModel.find({}).lean<AppliedDoc[]>()).sort((a, b) => a.version - b.version);
  const done = new Set(applied.map((a) => a._id));
  const known = new Set(migrations.map((m) => m.id));
  const claims = await MigrationClaimModel.find({ until: { $gt: now } }).lean<MigrationClaimDoc[]>();
  return {
    codeVersion: codeSchemaVersion(migrations),
    databaseVersion: applied.at(-1)?.version ?? 0,
    applied: applied.map(({ _id, version, appliedAt, owner, hubVersion, durationMs, result }) => ({
      _id,
      version,
      appliedAt,
      owner,
      hubVersion,
      durationMs,
      ...(result ? { result } : {}),
    })),
    pending: migrations.filter((m) => !done.has(m.id)).map((m) => m.id),
    unknown: applied.filter((a) => !known.has(a._id)).map((a) => a._id),
    running: claims
      .filter((c) => !done.has(c.migrationId))
      .map(({ migrationId, owner, until }) => ({ migrationId, owner, until })),
  };
}
