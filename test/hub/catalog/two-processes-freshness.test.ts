/**
 * Freshness across hubs: two real hub processes (`hub/main.ts`) on one database. Hub A
 * runs the sources, hub B does not; an item ingested by A must be searchable on B within
 * 10 s, and B must load A's stored index rather than build its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPartners } from '../../../hub/partners/index.js';
import { createSource } from '../../../hub/sources/index.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const TOKEN = 'freshness-token-0123456789abcdef';
let site: LoopbackServer;
let uri: string;
const hubs: HubProcess[] = [];

async function startHub(scheduler: boolean): Promise<string> {
  const hub = await startHubProcess({
    MONGODB_URI: uri,
    ADMIN_TOKEN: TOKEN,
    SCHEDULER_ENABLED: String(scheduler),
    SCHEDULER_TICK_SECONDS: '1',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
  });
  hubs.push(hub);
  return hub.url;
}

async function searchIds(hub: string, q: string): Promise<string[]> {
  const res = await fetch(`${hub}/api/v1/items?q=${encodeURIComponent(q)}`);
  if (res.status !== 200) return [];
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

async function indexUpdates(hub: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${hub}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^passerelle_search_index_updates_total\{kind="(\w+)"\} (\d+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}

beforeAll(async () => {
  uri = await connectTestDatabase('freshness');
  await seedPartners();
  site = await startLoopbackServer();
  site.route(
    '/actus.rss',
    serve(
      makeRss([
        ...numberedEntries(5),
        {
          guid: 'fresh-1',
          title: 'Ouverture de la médiathèque flottante',
          link: 'https://www.noumea.nc/actualites/fresh-1',
          description: 'La médiathèque flottante ouvre au port autonome.',
          pubDate: new Date().toUTCString(),
        },
      ]),
      'application/rss+xml',
    ),
  );
});
afterAll(async () => {
  for (const hub of hubs) hub.stop();
  await site.close();
  await dropTestDatabase();
});

describe('two hub processes on one database', () => {
  it('make an item ingested by one hub searchable on the other within 10 s, loading its stored index', async () => {
    const [a, b] = await Promise.all([startHub(true), startHub(false)]);
    expect(await searchIds(b!, 'médiathèque flottante')).toEqual([]);
    const before = await indexUpdates(b!);
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/actus.rss`,
      schedule: '0 6 * * *',
    });
    let finishedAt = 0;
    await expect
      .poll(
        async () => {
          const run = await RunModel.findOne({ sourceId: source._id, status: 'ok' }).lean<{ finishedAt: Date }>();
          finishedAt = run?.finishedAt.getTime() ?? 0;
          return finishedAt > 0;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    await expect
      .poll(async () => (await searchIds(b!, 'médiathèque flottante')).length, { timeout: 10_000, interval: 100 })
      .toBe(1);
    const delayMs = Date.now() - finishedAt;
    console.log(`freshness: searchable on hub B ${delayMs} ms after the run finished on hub A`);
    expect(delayMs).toBeLessThan(10_000);
    expect(await searchIds(a!, 'médiathèque flottante')).toHaveLength(1);
    // B loaded the index A built and stored; it built none of its own after its start.
    const after = await indexUpdates(b!);
    expect((after.stored ?? 0) - (before.stored ?? 0)).toBeGreaterThanOrEqual(1);
    expect(after.build ?? 0).toBe(before.build ?? 0);
  }, 180_000);
});
