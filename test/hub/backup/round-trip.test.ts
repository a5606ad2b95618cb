/**
 * Backup → wipe → restore on the real test database, through the real commands: the same
 * documents (to the BSON type), the same indexes, and a hub started on the restored
 * database answers searches, completions and feeds exactly as before. Then what a restore
 * refuses: a database holding data (unless --drop or --force) and a damaged backup.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type mongo } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_BACKED_UP, readManifest } from '../../../hub/backup/index.js';
import { disconnectDatabase } from '../../../hub/db/index.js';
import { codeSchemaVersion, migrateDatabase, MIGRATIONS } from '../../../hub/migrations/index.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { freshDatabaseUri, reconnectTestDatabase } from '../../helpers/database.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';
import { newVisitor, postComment } from '../interaction/fixtures.js';
import { runCli } from '../../helpers/cli.js';

const { EJSON, Double, Int32, Long, Binary, ObjectId } = mongoose.mongo.BSON;
const SEARCHES = [
  '/api/v1/items?limit=50',
  '/api/v1/items?q=piscine',
  '/api/v1/items?q=emploi&partner=province-sud',
  '/api/v1/items?q=actualite&sort=date&limit=5&page=2',
  '/api/v1/items?type=procedure,job',
  '/api/v1/suggest?q=pisc',
  '/feeds/items.json',
  '/feeds/items.rss?partner=noumea',
];

let site: LoopbackServer;
let work: string;
let hub: TestHub | undefined;
let uri: string;
let searched: unknown[];
let snapshot: Record<string, { documents: string[]; indexes: unknown[] }>;
let backupDir: string;

/** Every collection a backup holds: documents as canonical EJSON (types included), and indexes. */
async function snapshotDatabase(db: mongo.Db): Promise<typeof snapshot> {
  const out: typeof snapshot = {};
  const names = (await db.listCollections().toArray()).map((c) => c.name).filter((n) => !(n in NOT_BACKED_UP));
  for (const name of names.sort()) {
    const docs = await db.collection(name).find({}, { promoteValues: false, promoteLongs: false }).toArray();
    const indexes = (await db.collection(name).indexes()).map(({ v: _v, ns: _ns, ...i }) => i);
    out[name] = {
      documents: docs.map((d) => EJSON.stringify(d, { relaxed: false })).sort(),
      indexes: indexes.sort((a, b) => String(a.name).localeCompare(String(b.name))),
    };
  }
  return out;
}

async function readAll(target: TestHub): Promise<unknown[]> {
  return Promise.all(
    SEARCHES.map(async (path) => {
      const res = await target.request(path);
      return { path, status: res.status, body: await res.text() };
    }),
  );
}

async function withDatabase<T>(target: string, fn: (db: mongo.Db) => Promise<T>): Promise<T> {
  const client = await new mongoose.mongo.MongoClient(target).connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'passerelle-backup-test-'));
  site = await startLoopbackServer();
  site.route('/actus.rss', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    res.end(makeRss(numberedEntries(25)));
  });
  hub = await startTestHub({ seed: true, label: 'backup' });
  uri = hub.databaseUri;
  await migrateDatabase();
  // Data from every path: ingestion of a partner's feed, fixtures, likes, comments…
  const created = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/actus.rss` },
  });
  const sourceId = ((await created.json()) as { id: string }).id;
  const run = await hub.request(`/api/v1/admin/sources/${sourceId}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(run.status).toBe(200);
  await insertItems(CATALOG_FIXTURES);
  const visitor = newVisitor();
  for (const item of ['noumea-piscine', 'sud-emploi-1'])
    expect(
      (await hub.request(`/api/v1/items/${item}/likes`, { method: 'POST', headers: { 'Passerelle-Visitor': visitor } }))
        .status,
    ).toBe(200);
  expect((await postComment(hub, 'noumea-piscine', visitor)).status).toBe(201);
  // …and BSON types that JSON would flatten: a double that looks like an integer, a long, bytes.
  const db = mongoose.connection.db!;
  await db.collection('t_types').insertOne({
    _id: new ObjectId(),
    double: new Double(2),
    int: new Int32(7),
    long: Long.fromString('9007199254740993'),
    bytes: new Binary(Buffer.from([0, 1, 254, 255])),
    at: new Date('2026-01-02T03:04:05.678Z'),
    nested: [{ a: null, b: [new Double(0.5), 'é « » ✓'] }],
  });
  // Files larger than the streams' buffers (random bytes do not compress): ~600 KiB gzipped.
  await db
    .collection('t_bulk')
    .insertMany(Array.from({ length: 600 }, (_, i) => ({ _id: i as never, noise: new Binary(randomBytes(1024)) })));
  await db.createCollection('t_empty');
  await db.collection('t_empty').createIndex({ a: 1, b: -1 }, { name: 'a_b', unique: true });
  await hub.services.catalog.search.refresh();
  searched = await readAll(hub);
  expect(searched.map((r) => (r as { status: number }).status)).toEqual(SEARCHES.map(() => 200));
  expect((searched[1] as { body: string }).body).toContain('"noumea-piscine"');
  snapshot = await snapshotDatabase(db);
  await stopHub();
}, 120_000);

/** Stops the hub and leaves its database in place. */
async function stopHub(): Promise<void> {
  await hub?.close();
  hub = undefined;
  await disconnectDatabase();
}

afterAll(async () => {
  await stopHub();
  if (uri) await withDatabase(uri, (db) => db.dropDatabase());
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

describe('npm run backup, then npm run restore', () => {
  it('backs up every collection but the derived and ephemeral ones, with a manifest', async () => {
    const started = Date.now();
    const out = await runCli('backup', uri, ['--out', work, '--engine=driver']);
    expect(out.stderr).not.toMatch(/Error/);
    expect(out.code).toBe(0);
    backupDir = /→ (.+)$/m.exec(out.stdout)![1]!;
    const manifest = await readManifest(backupDir);
    const names = manifest.collections.map((c) => c.name);
    expect(names).toEqual(Object.keys(snapshot));
    expect(names).toEqual(expect.arrayContaining(['items', 'likes', 'comments', 'partners', 'sources', 'runs']));
    expect(names).toEqual(expect.arrayContaining(['tokens', 'meta', 'migrations', 'interaction_secrets']));
    for (const derived of ['search_index', 'claims', 'rate_hits', 'ip_salts']) expect(names).not.toContain(derived);
    expect(manifest).toMatchObject({
      engine: 'driver',
      schemaVersion: codeSchemaVersion(),
      migrations: MIGRATIONS.map((m) => m.id),
    });
    // Every collection left out is named in the manifest with its reason, the known ones among them.
    expect(manifest.excluded.map((e) => e.name).sort()).toEqual(Object.keys(NOT_BACKED_UP).sort());
    expect(manifest.excluded.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'claims',
        'image_sources',
        'image_variants',
        'ip_salts',
        'migration_claims',
        'rate_hits',
      ]),
    );
    expect(manifest.collections.find((c) => c.name === 'items')!.documents).toBe(25 + CATALOG_FIXTURES.length);
    expect(manifest.collections.find((c) => c.name === 't_bulk')!.data!.bytes).toBeGreaterThan(600_000);
    console.log(
      `backup: ${manifest.collections.reduce((n, c) => n + c.documents, 0)} documents, ${manifest.collections.reduce((n, c) => n + c.data!.bytes, 0)} bytes, ${Date.now() - started} ms (process included)`,
    );
  });

  it('restores a wiped database to the same documents and indexes, and the same search results', async () => {
    await withDatabase(uri, (db) => db.dropDatabase());
    const out = await runCli('restore', uri, [backupDir]);
    expect(out.stderr).not.toMatch(/Error/);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^restore: \d+ collections, \d+ documents into « t_backup_/);
    const restored = await withDatabase(uri, snapshotDatabase);
    expect(Object.keys(restored)).toEqual(Object.keys(snapshot));
    for (const name of Object.keys(snapshot)) expect(restored[name], name).toEqual(snapshot[name]);
    expect(await withDatabase(uri, (db) => db.collection('search_index').countDocuments())).toBe(0);

    await reconnectTestDatabase(uri);
    hub = await startTestHub({ databaseUri: uri });
    expect((await hub.request('/readyz')).status).toBe(200);
    expect(await readAll(hub)).toEqual(searched);
    await stopHub();
  }, 60_000);

  it('refuses to overwrite a database holding data unless --drop or --force, in one line', async () => {
    const refused = await runCli('restore', uri, [backupDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^restore: la base « t_backup_\w+ » n'est pas vide \(\d+ documents dans \d+ collections\) : --drop pour la remplacer, --force pour y ajouter la sauvegarde \/ database "t_backup_\w+" is not empty: --drop replaces it, --force adds the backup to it$/,
      ),
    ]);
    // --drop: whatever was added since is gone, the database is the backup again.
    await withDatabase(uri, (db) => db.collection('items').insertOne({ _id: 'added-later' as never, title: 'x' }));
    const dropped = await runCli('restore', uri, [backupDir, '--drop']);
    expect(dropped.code).toBe(0);
    const afterDrop = await withDatabase(uri, snapshotDatabase);
    for (const name of Object.keys(snapshot)) expect(afterDrop[name], name).toEqual(snapshot[name]);
  }, 60_000);

  it('with --force adds the backup to a database, keeping the documents already there', async () => {
    const target = freshDatabaseUri('force');
    await withDatabase(target, async (db) => {
      await db.collection('partners').insertOne({ _id: 'noumea' as never, name: 'Nouméa (local edit)' });
      await db.collection('notes').insertOne({ _id: 'keep-me' as never });
    });
    const out = await runCli('restore', target, [backupDir, '--force']);
    expect(out.code).toBe(0);
    await withDatabase(target, async (db) => {
      expect(await db.collection('partners').findOne({ _id: 'noumea' as never })).toEqual({
        _id: 'noumea',
        name: 'Nouméa (local edit)',
      });
      expect(await db.collection('partners').countDocuments()).toBe(45);
      expect(await db.collection('notes').countDocuments()).toBe(1);
      expect(await db.collection('items').countDocuments()).toBe(25 + CATALOG_FIXTURES.length);
      await db.dropDatabase();
    });
  }, 60_000);

  it('refuses a damaged backup before writing anything', async () => {
    const damaged = join(work, 'damaged');
    await cp(backupDir, damaged, { recursive: true });
    const file = join(damaged, 'items.ejson.gz');
    const bytes = await readFile(file);
    const middle = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    await writeFile(file, bytes);
    const target = freshDatabaseUri('damaged');
    const out = await runCli('restore', target, [damaged]);
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe(
      'restore: items.ejson.gz does not match its size and sha256 in the manifest (damaged or altered backup); nothing was written',
    );
    expect(await withDatabase(target, async (db) => (await db.listCollections().toArray()).length)).toBe(0);
    expect((await runCli('restore', target, [work])).stderr.trim()).toBe(
      `restore: ${work} holds no manifest.json: not a Passerelle backup`,
    );
  }, 60_000);
});
