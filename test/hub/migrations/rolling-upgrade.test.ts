/**
 * A rolling upgrade, as operators do it: an "old" hub serves items stored in both shapes
 * (written before items carried `schemaVersion`, and after), while two new hub processes
 * (`hub/main.ts`) start at the same moment on the same database. The migration runs
 * exactly once, and the old hub answers every request the same throughout.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FIXTURES, insertItems, type ItemFixture } from '../../helpers/items.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process.js';

const MIGRATION = '001-items-schema-version';

function startNewHub(uri: string): Promise<HubProcess> {
  return startHubProcess({ MONGODB_URI: uri, ADMIN_TOKEN: 'rolling-upgrade-token-0123456789', LOG_LEVEL: 'info' });
}

/** 200 generated items plus the catalog fixtures: enough for the migration to take a while. */
function manyItems(): ItemFixture[] {
  const generated = Array.from({ length: 200 }, (_, i) => ({
    id: `gen-${String(i).padStart(4, '0')}`,
    partnerId: i % 2 ? 'noumea' : 'province-sud',
    title: `Avis numéro ${i} sur les travaux de voirie`,
    summary: `Travaux prévus dans le quartier ${i % 30}.`,
  }));
  return [...CATALOG_FIXTURES, ...generated];
}

let old: TestHub;
const newHubs: HubProcess[] = [];
const itemsCollection = () => mongoose.connection.db!.collection<{ _id: string; schemaVersion?: number }>('items');

/** Fields the later, additive migrations add (004 readability, 005 story): not a change of shape. */
const ADDED = new Set(['readability', 'storyId', 'alsoPublishedBy']);
function withoutAdded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAdded);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !ADDED.has(k))
      .map(([k, v]) => [k, withoutAdded(v)]),
  );
}

/** What the old hub's readers give: listing, search, one item of each shape, a feed. */
async function readThroughOldHub(v0: string, v1: string): Promise<unknown[]> {
  const paths = [
    '/api/v1/items?limit=20',
    '/api/v1/items?q=voirie&limit=5',
    `/api/v1/items/${v0}`,
    `/api/v1/items/${v1}`,
    '/feeds/items.json?limit=5',
  ];
  return Promise.all(
    paths.map(async (path) => {
      const res = await old.request(path);
      return { path, status: res.status, body: withoutAdded(await res.json()) };
    }),
  );
}

beforeAll(async () => {
  old = await startTestHub({ seed: true, label: 'rolling' });
  const ids = await insertItems(manyItems());
  // Half of the items as the previous code wrote them: without schemaVersion.
  await itemsCollection().updateMany(
    { _id: { $in: ids.filter((_, i) => i % 2 === 0) } },
    { $unset: { schemaVersion: '' } },
  );
  await old.services.catalog.search.refresh();
});

afterAll(async () => {
  for (const hub of newHubs) hub.stop();
  await old.stop();
});

describe('a rolling upgrade', () => {
  it('migrates once while the old hub keeps serving both shapes', async () => {
    const v0 = (await itemsCollection().findOne({ schemaVersion: { $exists: false } }))!._id;
    const v1 = (await itemsCollection().findOne({ schemaVersion: 1 }))!._id;
    expect(await itemsCollection().countDocuments({ schemaVersion: { $exists: false } })).toBe(105);
    const before = await readThroughOldHub(v0, v1);
    expect(before.map((r) => (r as { status: number }).status)).toEqual([200, 200, 200, 200, 200]);

    // Two new hubs start at once; the old one is read without pause until both serve.
    let starting = true;
    const reads: { at: number; same: boolean }[] = [];
    const polling = (async () => {
      while (starting) {
        const now = await readThroughOldHub(v0, v1);
        reads.push({ at: Date.now(), same: JSON.stringify(now) === JSON.stringify(before) });
      }
    })();
    const started = await Promise.all([startNewHub(old.databaseUri), startNewHub(old.databaseUri)]);
    newHubs.push(...started);
    starting = false;
    await polling;

    // Exactly once: one record, one claim (attempt 0), held by one of the two processes.
    const all = await mongoose.connection.db!.collection('migrations').find({}).sort({ _id: 1 }).toArray();
    expect(all.map((r) => r._id)).toEqual([
      MIGRATION,
      '002-source-credentials-apart',
      '003-partner-offices',
      '004-items-readability',
      '005-story-keys',
      '006-story-journal',
    ]);
    const records = all.filter((r) => r._id === (MIGRATION as unknown));
    const allClaims = await mongoose.connection.db!.collection('migration_claims').find({}).sort({ _id: 1 }).toArray();
    expect(allClaims.map((c) => c._id)).toEqual([
      `${MIGRATION}#0`,
      '002-source-credentials-apart#0',
      '003-partner-offices#0',
      '004-items-readability#0',
      '005-story-keys#0',
      '006-story-journal#0',
    ]);
    const claims = allClaims.filter((c) => c._id === (`${MIGRATION}#0` as unknown));
    const pids = started.map((h) => h.child.pid);
    expect(pids.filter((pid) => String(records[0]!.owner).includes(`:${pid}:`))).toHaveLength(1);
    expect(records[0]!.result).toEqual({ items: 105 });
    const applied = started.filter((h) => h.stdout().includes(`migration ${MIGRATION}: applied`));
    expect(applied).toHaveLength(1);
    expect(await itemsCollection().countDocuments({ schemaVersion: { $ne: 1 } })).toBe(0);

    // The old hub answered the same thing throughout, the migration included.
    expect(reads.length).toBeGreaterThan(3);
    expect(reads.every((r) => r.same)).toBe(true);
    const window = { from: (claims[0]!.createdAt as Date).getTime(), to: (records[0]!.appliedAt as Date).getTime() };
    console.log(
      `rolling upgrade: migration took ${window.to - window.from} ms; old hub read ${reads.length} times, ${reads.filter((r) => r.at >= window.from && r.at <= window.to + 50).length} during it`,
    );
    expect(await readThroughOldHub(v0, v1)).toEqual(before);

    // The new hubs give the same item, whatever its stored shape was.
    for (const hub of started) {
      const res = await fetch(`http://127.0.0.1:${hub.port}/api/v1/items/${v0}`);
      expect(withoutAdded(await res.json())).toEqual((before[2] as { body: unknown }).body);
    }
  }, 240_000);
});
