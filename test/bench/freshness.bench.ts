/**
 * Freshness across hubs: with N items stored, hub A (scheduler on) ingests one new item
 * and hub B (scheduler off) must find it. Measured from the end of A's run: when A finds
 * it and when B finds it (each reads the items' change log and lays the new item over its
 * full index), plus what each spent: full builds, incremental updates, CPU time and
 * resident memory — while idle (the 1 s poll alone) and from the change until 5 s after.
 */
import { readFileSync } from 'node:fs';
import { buildInWorker } from '../../hub/search/index.js';
import { saveStoredIndex } from '../../hub/catalog/index-store.js';
import { getItemsVersion } from '../../hub/items/index.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createSource } from '../../hub/sources/index.js';
import { RunModel } from '../../hub/sources/run-model.js';
import { serve, startLoopbackServer } from '../connectors/helpers/loopback-server.js';
import { startHubProcess } from '../helpers/hub-process.js';
import { makeRss } from '../helpers/rss.js';
import { benchDatabase, fmt, markMigrationsApplied, memoryOf } from './lib.js';
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

async function updates(base: string, kind: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  return Number(
    new RegExp(`^passerelle_search_index_updates_total\\{kind="${kind}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0,
  );
}

/** CPU seconds (user + system) the process used so far. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function benchSize(size: number): Promise<string> {
  const db = await benchDatabase(`bench_freshness_${size}`);
  await seedPartners();
  const items = makeCorpus(size);
  await insertCorpus(items);
  await markMigrationsApplied();
  await saveStoredIndex(await getItemsVersion(), await buildInWorker(items, partnersMap()), 0);
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
  // Idle: what the 1 s look at the change log costs, over 10 s.
  const idle = [cpuOf(a.pid), cpuOf(b.pid)];
  await sleep(10_000);
  const idleCpu = [cpuOf(a.pid) - idle[0]!, cpuOf(b.pid) - idle[1]!];
  const before = {
    builds: [await updates(a.base, 'build'), await updates(b.base, 'build')],
    incremental: [await updates(a.base, 'incremental'), await updates(b.base, 'incremental')],
    cpu: [cpuOf(a.pid), cpuOf(b.pid)],
    rss: [memoryOf(a.pid).rssMiB, memoryOf(b.pid).rssMiB],
  };
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
  await sleep(5000);
  const hubs = [a, b].map((hub, i) => ({
    builds: 0,
    incremental: 0,
    cpu: cpuOf(hub.pid) - before.cpu[i]!,
    rss: `${fmt(before.rss[i]!, 0)} → ${fmt(memoryOf(hub.pid).rssMiB, 0)}`,
  }));
  for (const [i, hub] of [a, b].entries()) {
    hubs[i]!.builds = (await updates(hub.base, 'build')) - before.builds[i]!;
    hubs[i]!.incremental = (await updates(hub.base, 'incremental')) - before.incremental[i]!;
  }
  const [ha, hb] = hubs as [(typeof hubs)[0], (typeof hubs)[0]];
  const row =
    `| ${size.toLocaleString('en')} | ${fmt(onA / 1000, 2)} s | ${fmt(onB / 1000, 2)} s | ${ha.builds} / ${hb.builds} | ` +
    `${ha.incremental} / ${hb.incremental} | ${fmt(idleCpu[0]! / 10, 3)} / ${fmt(idleCpu[1]! / 10, 3)} | ` +
    `${fmt(ha.cpu, 2)} / ${fmt(hb.cpu, 2)} s | ${ha.rss} / ${hb.rss} MiB |`;
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
    '| items | searchable on A | searchable on B | full builds A / B | incremental updates A / B | idle CPU s/s A / B | CPU from the run to 5 s after, A / B | resident memory A / B |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}
