/**
 * Freshness across hubs: with N items stored, hub A (scheduler on) ingests one new item
 * and hub B (scheduler off) must find it. Measured from the end of A's run: when A finds
 * it (A's own debounce and build: the baseline) and when B finds it (B's poll and the load
 * of the index A stored), plus what B spent: index builds, resident memory.
 */
import { buildInWorker } from '../../hub/search/index.js';
import { saveStoredIndex } from '../../hub/catalog/index-store.js';
import { getItemsVersion } from '../../hub/items/index.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createSource } from '../../hub/sources/index.js';
import { RunModel } from '../../hub/sources/run-model.js';
import { serve, startLoopbackServer } from '../connectors/helpers/loopback-server.js';
import { startHubProcess } from '../helpers/hub-process.js';
import { makeRss } from '../helpers/rss.js';
import { benchDatabase, fmt, memoryOf } from './lib.js';
import { insertCorpus, makeCorpus, partnersMap } from './search.bench.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';

async function spawnHub(uri: string, scheduler: boolean): Promise<{ base: string; pid: number; stop(): void }> {
  const hub = await startHubProcess({
    MONGODB_URI: uri,
    SCHEDULER_ENABLED: String(scheduler),
    SCHEDULER_TICK_SECONDS: '1',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    ADMIN_TOKEN: TOKEN,
    SEED_ON_START: 'false',
  });
  return { base: hub.url, pid: hub.child.pid!, stop: hub.stop };
}

async function found(base: string, q: string): Promise<boolean> {
  const res = await fetch(`${base}/api/v1/items?q=${encodeURIComponent(q)}`).catch(() => undefined);
  return res?.status === 200 && ((await res.json()) as { total: number }).total > 0;
}

async function waitFound(base: string, q: string, since: number): Promise<number> {
  while (!(await found(base, q))) {
    if (Date.now() - since > 120_000) return NaN;
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - since;
}

async function builds(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  return Number(/^passerelle_search_index_updates_total\{kind="build"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

async function benchSize(size: number): Promise<string> {
  const db = await benchDatabase(`bench_freshness_${size}`);
  await seedPartners();
  const items = makeCorpus(size);
  await insertCorpus(items);
  await saveStoredIndex(await getItemsVersion(), await buildInWorker(items, partnersMap()));
  const site = await startLoopbackServer();
  const word = `aquarelliste${size}`;
  site.route(
    '/fresh.rss',
    serve(
      makeRss([
        {
          guid: 'fresh',
          title: `Exposition ${word}`,
          link: 'https://www.noumea.nc/fresh',
          pubDate: new Date().toUTCString(),
        },
      ]),
      'application/rss+xml',
    ),
  );
  const [a, b] = await Promise.all([spawnHub(db.uri, true), spawnHub(db.uri, false)]);
  while (!(await found(b.base, 'permis')) || !(await found(a.base, 'permis')))
    await new Promise((r) => setTimeout(r, 100));
  const buildsBefore = await builds(b.base);
  const rssBefore = memoryOf(b.pid).rssMiB;
  const source = await createSource({
    partnerId: 'noumea',
    kind: 'feed',
    url: `${site.origin}/fresh.rss`,
    schedule: '0 6 * * *',
  });
  let run: { finishedAt: Date } | null = null;
  while (!run) {
    run = await RunModel.findOne({ sourceId: source._id, status: 'ok' }).lean<{ finishedAt: Date }>();
    await new Promise((r) => setTimeout(r, 50));
  }
  const since = run.finishedAt.getTime();
  const [onA, onB] = await Promise.all([waitFound(a.base, word, since), waitFound(b.base, word, since)]);
  const row = `| ${size.toLocaleString('en')} | ${fmt(onA / 1000, 1)} s | ${fmt(onB / 1000, 1)} s | ${fmt(onB / onA, 2)}× | ${(await builds(b.base)) - buildsBefore} | ${fmt(rssBefore, 0)} → ${fmt(memoryOf(b.pid).rssMiB, 0)} MiB |`;
  a.stop();
  b.stop();
  await site.close();
  await db.close();
  return row;
}

export async function runFreshnessBench(): Promise<void> {
  const sizes = (process.env.BENCH_FRESHNESS_SIZES ?? '1000,10000').split(',').map(Number);
  const rows: string[] = [];
  for (const size of sizes) rows.push(await benchSize(size));
  console.log('\n### Freshness across hubs (from the end of the run on hub A)\n');
  console.log(
    '| items | searchable on A (builds) | searchable on B (loads) | B ÷ A | builds on B | B resident memory |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}
