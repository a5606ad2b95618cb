/**
 * Brings the database to the schema this hub's code knows: each pending migration, in
 * order, runs once under a claim (claim.ts); a hub that loses the claim waits until the
 * winner recorded it (or takes over if the winner died). Before anything, a database
 * that a newer hub contracted beyond what this code reads is refused.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/index.js';
import { HUB_VERSION } from '../version.js';
import { claimMigration, releaseMigrationClaim, renewMigrationClaim } from './claim.js';
import { AppliedMigrationModel, type AppliedDoc, type MigrationClaimDoc } from './record-model.js';
import { MIGRATIONS } from './registry.js';
import type { MigrateReport, Migration, MigrationOutcome } from './types.js';

export interface MigrateOptions {
  /** The migrations this code ships (default: the registry). */
  migrations?: readonly Migration[];
  /** Who we are in claims and records (default: host:pid:random). */
  owner?: string;
  /** A claim not renewed for this long is presumed dead and taken over. Default 60 s. */
  leaseMs?: number;
  /** How often a hub that lost the claim looks again. Default 500 ms. */
  pollMs?: number;
  /** Progress lines (default: none). */
  progress?: (line: string) => void;
}

type Settings = Required<MigrateOptions>;

/** Thrown when this hub's code cannot serve the database as it is. */
export class SchemaMismatchError extends Error {
  override name = 'SchemaMismatchError';
}

/** Throws unless versions run 1, 2, 3… with unique ids (a mistake in the code, caught by tests). */
export function checkRegistry(migrations: readonly Migration[]): void {
  const ids = new Set<string>();
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migrations: ${m.id} has version ${m.version}, expected ${index + 1}`);
    if (ids.has(m.id)) throw new Error(`migrations: ${m.id} is listed twice`);
    ids.add(m.id);
  });
}

/** The schema version a list of migrations brings the database to. */
export function codeSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a database that a newer hub contracted past what code of `codeVersion` reads. */
export async function checkCompatibility(codeVersion: number): Promise<void> {
  const records = await AppliedMigrationModel.find({}, { _id: 1, version: 1, readableFrom: 1 }).lean<AppliedDoc[]>();
  const blocking = records
    .filter((r) => r.readableFrom > codeVersion)
    .sort((a, b) => b.readableFrom - a.readableFrom)[0];
  if (blocking)
    throw new SchemaMismatchError(
      `database: migration ${blocking._id} (schema ${blocking.version}) needs a hub that knows schema ${blocking.readableFrom} or later, this hub knows ${codeVersion}: upgrade it`,
    );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function isApplied(id: string): Promise<boolean> {
  return (await AppliedMigrationModel.exists({ _id: id })) !== null;
}

async function apply(m: Migration, claim: MigrationClaimDoc, s: Settings): Promise<MigrationOutcome> {
  // A takeover claim may come after the first holder recorded its work: look again.
  if (await isApplied(m.id)) return { id: m.id, version: m.version, outcome: 'already' };
  const startedAt = new Date();
  const renew = () => void renewMigrationClaim(claim, new Date(Date.now() + s.leaseMs)).catch(() => undefined);
  const heartbeat = setInterval(renew, Math.max(50, Math.floor(s.leaseMs / 3)));
  heartbeat.unref();
  let result: Record<string, number> | undefined;
  try {
    s.progress(`migration ${m.id}: ${m.description}`);
    result = (await m.up({ progress: s.progress })) ?? undefined;
  } catch (err) {
    await releaseMigrationClaim(claim).catch(() => undefined);
    throw new Error(`migration ${m.id} failed: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  } finally {
    clearInterval(heartbeat);
  }
  const durationMs = Date.now() - startedAt.getTime();
  try {
    await AppliedMigrationModel.create({
      _id: m.id,
      version: m.version,
      description: m.description,
      readableFrom: m.readableFrom ?? 0,
      startedAt,
      appliedAt: new Date(),
      durationMs,
      owner: s.owner,
      hubVersion: HUB_VERSION,
      ...(result ? { result } : {}),
    });
  } catch (err) {
    // A process that took over our expired claim recorded the same idempotent work first.
    if (!isDuplicateKey(err)) throw err;
  }
  s.progress(`migration ${m.id}: applied in ${durationMs} ms${result ? ` ${JSON.stringify(result)}` : ''}`);
  return { id: m.id, version: m.version, outcome: 'applied', durationMs, ...(result ? { result } : {}) };
}

async function runOnce(m: Migration, s: Settings): Promise<MigrationOutcome> {
  let told = false;
  for (;;) {
    if (await isApplied(m.id)) return { id: m.id, version: m.version, outcome: 'already' };
    const claim = await claimMigration(m.id, s.owner, new Date(), s.leaseMs);
    if (claim) return apply(m, claim, s);
    if (!told) s.progress(`migration ${m.id}: another hub is applying it, waiting`);
    told = true;
    await sleep(s.pollMs);
  }
}

/** The newest schema version recorded in the database (0 for none). */
export async function readDatabaseVersion(): Promise<number> {
  const newest = await AppliedMigrationModel.findOne({}, { version: 1 }).sort({ version: -1 }).lean<AppliedDoc>();
  return newest?.version ?? 0;
}

/** Applies the pending migrations in order; see the module comment. */
export async function migrateDatabase(options: MigrateOptions = {}): Promise<MigrateReport> {
  const s: Settings = {
    migrations: options.migrations ?? MIGRATIONS,
    owner: options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs: options.leaseMs ?? 60_000,
    pollMs: options.pollMs ?? 500,
    progress: options.progress ?? (() => undefined),
  };
  checkRegistry(s.migrations);
  const codeVersion = codeSchemaVersion(s.migrations);
  await checkCompatibility(codeVersion);
  const outcomes: MigrationOutcome[] = [];
  for (const m of s.migrations) outcomes.push(await runOnce(m, s));
  return { codeVersion, databaseVersion: await readDatabaseVersion(), outcomes };
}
