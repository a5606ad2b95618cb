/**
 * The migration runner against the real test database: once under a claim whatever the
 * number of runners, in order, taken over when the holder dies, retried after a failure,
 * and refused by a hub too old for what a newer hub did.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkRegistry,
  migrateDatabase,
  readSchemaStatus,
  SchemaMismatchError,
  type Migration,
} from '../../../hub/migrations/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A migration that counts its runs in a collection and takes `ms` to do it. */
function countingMigration(id: string, version: number, ms = 0, extra: Partial<Migration> = {}): Migration {
  return {
    id,
    version,
    description: `test ${id}`,
    async up() {
      const runs = mongoose.connection.db!.collection<{ _id: string; at: Date }>('test_runs');
      await runs.insertOne({ _id: `${id}:${Math.random()}`, at: new Date() });
      await sleep(ms);
      return { runs: await runs.countDocuments({ _id: { $regex: `^${id}:` } }) };
    },
    ...extra,
  };
}

async function runsOf(id: string): Promise<number> {
  return mongoose.connection
    .db!.collection<{ _id: string }>('test_runs')
    .countDocuments({ _id: { $regex: `^${id}:` } });
}

async function wipe(): Promise<void> {
  for (const name of ['migrations', 'migration_claims', 'test_runs'])
    await mongoose.connection.db!.collection(name).deleteMany({});
}

beforeAll(async () => {
  await connectTestDatabase('migrations');
});
afterAll(dropTestDatabase);
beforeEach(wipe);

describe('migrateDatabase', () => {
  it('applies pending migrations in order once and records them', async () => {
    const order: string[] = [];
    const list = [1, 2].map((v) => ({
      ...countingMigration(`00${v}-test`, v),
      up: async () => void order.push(`00${v}-test`),
    }));
    const first = await migrateDatabase({ migrations: list, owner: 'a' });
    expect(first.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['001-test', 'applied'],
      ['002-test', 'applied'],
    ]);
    expect(first.databaseVersion).toBe(2);
    const again = await migrateDatabase({ migrations: list, owner: 'b' });
    expect(again.outcomes.map((o) => o.outcome)).toEqual(['already', 'already']);
    expect(order).toEqual(['001-test', '002-test']);
    const status = await readSchemaStatus(list);
    expect(status.applied.map((a) => [a._id, a.owner])).toEqual([
      ['001-test', 'a'],
      ['002-test', 'a'],
    ]);
    expect(status.pending).toEqual([]);
  });

  it('runs a migration once when five runners start at the same moment', async () => {
    const list = [countingMigration('001-slow', 1, 300)];
    const reports = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => migrateDatabase({ migrations: list, owner: `hub-${n}`, pollMs: 50 })),
    );
    expect(await runsOf('001-slow')).toBe(1);
    const outcomes = reports.map((r) => r.outcomes[0]!.outcome).sort();
    expect(outcomes).toEqual(['already', 'already', 'already', 'already', 'applied']);
    // The runners that lost waited for the winner: the record is there when they return.
    expect((await readSchemaStatus(list)).applied).toHaveLength(1);
  });

  it('takes over the claim of a holder that died, and not before its lease ran out', async () => {
    const list = [countingMigration('001-orphan', 1)];
    const claims = mongoose.connection.db!.collection<{ _id: string }>('migration_claims');
    await claims.insertOne({
      _id: '001-orphan#0',
      migrationId: '001-orphan',
      attempt: 0,
      owner: 'dead-hub',
      until: new Date(Date.now() + 700),
      createdAt: new Date(),
    } as never);
    const started = Date.now();
    const report = await migrateDatabase({ migrations: list, owner: 'survivor', pollMs: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(report.outcomes[0]!.outcome).toBe('applied');
    expect(await runsOf('001-orphan')).toBe(1);
    expect(await claims.findOne({ _id: '001-orphan#1' })).toMatchObject({ owner: 'survivor' });
  });

  it('keeps renewing its claim while a long migration runs, so nobody takes it over', async () => {
    const list = [countingMigration('001-long', 1, 900)];
    const reports = await Promise.all([
      migrateDatabase({ migrations: list, owner: 'first', leaseMs: 300, pollMs: 50 }),
      sleep(100).then(() => migrateDatabase({ migrations: list, owner: 'second', leaseMs: 300, pollMs: 50 })),
    ]);
    expect(reports.map((r) => r.outcomes[0]!.outcome)).toEqual(['applied', 'already']);
    expect(await runsOf('001-long')).toBe(1);
  });

  it('records nothing when a migration fails, stops before the next one, and lets the next start retry', async () => {
    let fail = true;
    const list: Migration[] = [
      {
        ...countingMigration('001-flaky', 1),
        up: async () => {
          if (fail) throw new Error('disk full');
        },
      },
      countingMigration('002-after', 2),
    ];
    await expect(migrateDatabase({ migrations: list, owner: 'a' })).rejects.toThrow(
      'migration 001-flaky failed: disk full',
    );
    expect(await runsOf('002-after')).toBe(0);
    expect((await readSchemaStatus(list)).pending).toEqual(['001-flaky', '002-after']);
    fail = false;
    // Its claim was released: the retry does not wait for a lease to expire.
    const started = Date.now();
    const report = await migrateDatabase({ migrations: list, owner: 'b' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied']);
  });

  it('lets an older hub serve after additive migrations, and refuses it after a contract step', async () => {
    const newer = [
      countingMigration('001-a', 1),
      countingMigration('002-b', 2),
      countingMigration('003-contract', 3, 0, { readableFrom: 2 }),
    ];
    await migrateDatabase({ migrations: newer.slice(0, 2), owner: 'new' });
    // A hub that knows only migration 1 starts on a database at schema 2: still fine.
    const old = await migrateDatabase({ migrations: newer.slice(0, 1), owner: 'old' });
    expect(old).toMatchObject({ codeVersion: 1, databaseVersion: 2 });
    expect((await readSchemaStatus(newer.slice(0, 1))).unknown).toEqual(['002-b']);
    await migrateDatabase({ migrations: newer, owner: 'new' });
    const refused = migrateDatabase({ migrations: newer.slice(0, 1), owner: 'old' });
    await expect(refused).rejects.toBeInstanceOf(SchemaMismatchError);
    await expect(refused).rejects.toThrow(
      'database: migration 003-contract (schema 3) needs a hub that knows schema 2 or later, this hub knows 1: upgrade it',
    );
  });
});

describe('checkRegistry', () => {
  it.each([
    [[countingMigration('001-a', 1), countingMigration('003-c', 3)], '003-c has version 3, expected 2'],
    [[countingMigration('001-a', 1), countingMigration('001-a', 2)], '001-a is listed twice'],
    [[countingMigration('002-b', 2)], '002-b has version 2, expected 1'],
  ])('refuses a registry out of order or with a repeated id (%#)', (list, message) => {
    expect(() => checkRegistry(list)).toThrow(message);
  });

  it('accepts the registry this code ships', async () => {
    const { MIGRATIONS } = await import('../../../hub/migrations/index.js');
    expect(() => checkRegistry(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS[0]!.id).toBe('001-items-schema-version');
  });
});
