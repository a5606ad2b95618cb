/**
 * Freshness across hubs: with N items stored, hub A (scheduler on) ingests one new item
 * and hub B (scheduler off) must find it. Measured from the end of A's run: when A finds
 * it and when B finds it (each reads the items' change log and lays the new item over its
 * full index), plus what each spent: full builds, incremental updates, CPU time and
 * resident memory — while idle (the 1 s poll alone) and from the change until 5 s after.
 * Then a partner edit through A (a new word in its name): when its items are found by that
 * word on A and on B, and the full builds it cost. Last, with the hubs stopped, what each
 * database operation on the way costs at this size (median of a few, FerretDB locally).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../../hub/db/index.js';
import { buildInWorker } from '../../hub/search/index.js';
import { saveStoredIndex } from '../../hub/catalog/index-store.js';
import { getItemsVersion, getItemsVersionInfo, readIndexableItems, readItemChanges } from '../../hub/items/index.js';
import { ItemModel } from '../../hub/items/item-model.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createSource } from '../../hub/sources/index.js';
import { RunModel } from '../../hub/sources/run-model.js';
import { serve, startLoopbackServer } from '../connectors/helpers/loopback-server.js';
import { startHubProcess } from '../helpers/hub-process.js';
import { makeRss } from '../helpers/rss.js';
import { benchDatabase, fmt, markMigrationsApplied, memoryOf } from './lib.js';
import { insertCorpus, makeCorpus, partnersMap } from './search.bench.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';

async function spawnHub(
  uri: string,
  scheduler: boolean,
): Promise<{ base: string; pid: number; stop(): void; stdout(): string }> {
  const hub = await startHubProcess({
    MONGODB_URI: uri,
    SCHEDULER_ENABLED: String(scheduler),
    SCHEDULER_TICK_SECONDS: '1',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    ADMIN_TOKEN: TOKEN,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'info', // when each hub applied the partner edit is read from its log
  });
  return { base: hub.url, pid: hub.child.pid!, stop: hub.stop, stdout: hub.stdout };
}

async function found(base: string, q: string, total?: number): Promise<boolean> {
  const res = await fetch(`${base}/api/v1/items?q=${encodeURIComponent(q)}`).catch(() => undefined);
  if (res?.status !== 200) return false;
  const n = ((await res.json()) as { total: number }).total;
  return total === undefined ? n > 0 : n === total;
}

async function waitFound(base: string, q: string, since: number, total?: number, limitMs = 120_000): Promise<number> {
  while (!(await found(base, q, total))) {
    if (Date.now() - since > limitMs) return NaN;
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

/** Stores the corpus, the partners and a full index built from them (the hubs load it). */
async function seedCorpus(items: ReturnType<typeof makeCorpus>): Promise<void> {
  await seedPartners();
  await insertCorpus(items);
  await markMigrationsApplied();
  await saveStoredIndex(await getItemsVersion(), await buildInWorker(items, partnersMap()), 0);
}

/**
 * The seeded database of `size` items. With BENCH_FRESHNESS_KEEP=<dir> (local FerretDB only),
 * the database files, once seeded, are copied to <dir>/<size> and later runs start from a
 * copy of them: the 50,000 insert takes minutes on FerretDB 1.24 and the run itself changes
 * the copy only (a source, an item, a partner's name).
 */
async function freshnessDatabase(
  size: number,
  items: ReturnType<typeof makeCorpus>,
): Promise<{ uri: string; close(): Promise<void> }> {
  const keep = process.env.BENCH_FRESHNESS_KEEP;
  if (!keep || process.env.MONGODB_URI) {
    const db = await benchDatabase(`bench_freshness_${size}`);
    await seedCorpus(items);
    return db;
  }
  const template = join(keep, String(size));
  const seeded = existsSync(join(template, 'seeded'));
  const dir = await mkdtemp(join(tmpdir(), `passerelle-bench-freshness-${size}-`));
  if (seeded) await cp(template, dir, { recursive: true });
  const start = async () => {
    const local = await startLocalDatabase(dir, (line) => console.error(line));
    const uri = local.uri.replace(/\/[^/]*$/, `/bench_freshness_${size}`);
    await connectDatabase(uri);
    return { uri, local };
  };
  let db = await start();
  if (!seeded) {
    await seedCorpus(items);
    // Stopped before the copy: the files are whole.
    await disconnectDatabase();
    await db.local.stop();
    await rm(template, { recursive: true, force: true });
    await cp(dir, template, { recursive: true });
    await writeFile(join(template, 'seeded'), new Date().toISOString());
    db = await start();
  } else console.log(`freshness: ${size} items from ${template}`);
  return {
    uri: db.uri,
    close: async () => {
      await disconnectDatabase();
      await db.local.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function benchSize(size: number): Promise<{ row: string; partnerRow: string; ops: string }> {
  const items = makeCorpus(size);
  const db = await freshnessDatabase(size, items);
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
  // A partner edit through A: a new word in the name of the partner of 1 item in 48.
  const partnerItems = items.filter((i) => i.partnerId === 'noumea').length + 1;
  const edit = { builds: [await updates(a.base, 'build'), await updates(b.base, 'build')] };
  const partnerWord = `lagonaire${size}`;
  const editedAt = Date.now();
  const patched = await fetch(`${a.base}/api/v1/admin/partners/noumea`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Ville ${partnerWord} de Nouméa` }),
  });
  if (patched.status !== 200) throw new Error(`bench: partner edit answered ${patched.status}`);
  const savedAt = Date.now();
  const [editA, editB] = await Promise.all([
    waitFound(a.base, partnerWord, editedAt, partnerItems, 300_000),
    waitFound(b.base, partnerWord, editedAt, partnerItems, 300_000),
  ]);
  const editBuilds = [
    (await updates(a.base, 'build')) - edit.builds[0]!,
    (await updates(b.base, 'build')) - edit.builds[1]!,
  ];
  // When each hub had read the log entry and its partners (its log line), before the overlay.
  const applied = [a, b].map((hub) => {
    const line = hub
      .stdout()
      .split('\n')
      .find((l) => l.includes('search: partner edit laid over the index'));
    const time = line ? Date.parse(String((JSON.parse(line) as { time?: string }).time)) : NaN;
    return Number.isFinite(time) ? fmt((time - editedAt) / 1000, 2) + ' s' : '—';
  });
  const partnerRow =
    `| ${size.toLocaleString('en')} | ${partnerItems.toLocaleString('en')} | ${fmt((savedAt - editedAt) / 1000, 2)} s | ` +
    `${applied.join(' / ')} | ${fmt(editA / 1000, 2)} s | ${fmt(editB / 1000, 2)} s | ${editBuilds[0]} / ${editBuilds[1]} |`;
  const row =
    `| ${size.toLocaleString('en')} | ${fmt(onA / 1000, 2)} s | ${fmt(onB / 1000, 2)} s | ${ha.builds} / ${hb.builds} | ` +
    `${ha.incremental} / ${hb.incremental} | ${fmt(idleCpu[0]! / 10, 3)} / ${fmt(idleCpu[1]! / 10, 3)} | ` +
    `${fmt(ha.cpu, 2)} / ${fmt(hb.cpu, 2)} s | ${ha.rss} / ${hb.rss} MiB |`;
  a.stop();
  b.stop();
  await sleep(2000);
  const ops = await timeOperations(source._id, items[0]!.id, items[items.length - 1]!.id);
  await site.close();
  await db.close();
  return { row, partnerRow, ops: `| ${size.toLocaleString('en')} | ${ops} |` };
}

/** Median milliseconds of `fn` over `times` runs, one after the other. */
async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return ms.sort((x, y) => x - y)[Math.floor(ms.length / 2)]!;
}

/** The database operations between a run and its item searchable on every hub, alone. */
async function timeOperations(sourceId: string, first: string, last: string): Promise<string> {
  const head = (await getItemsVersionInfo()).seq;
  const cells = [
    await median(9, () => getItemsVersionInfo()),
    await median(9, () => readItemChanges(Math.max(0, head - 1), head, 200)),
    // FerretDB 1.24 scans until it meets the document: the first inserted is quick, the last is not.
    await median(5, () => readIndexableItems([first])),
    await median(3, () => readIndexableItems([last])),
    // Scans: once each (39 s at 50,000 on the loaded machine; 270 s for the second at load
    // 8–18). Neither is on the way any more: BENCH_FRESHNESS_SCANS=0 leaves them out.
    ...(process.env.BENCH_FRESHNESS_SCANS === '0'
      ? [NaN, NaN]
      : [
          await median(1, () => ItemModel.countDocuments({ sourceId, status: 'published' })),
          await median(1, () => ItemModel.find({ partnerId: 'noumea', status: 'published' }, { _id: 1 }).lean()),
        ]),
  ];
  return cells.map((ms) => (Number.isNaN(ms) ? '—' : `${fmt(ms, ms < 10 ? 1 : 0)} ms`)).join(' | ');
}

export async function runFreshnessBench(): Promise<void> {
  const sizes = (process.env.BENCH_FRESHNESS_SIZES ?? '1000,10000').split(',').map(Number);
  const results: { row: string; partnerRow: string; ops: string }[] = [];
  for (const size of sizes) results.push(await benchSize(size));
  const rows = results.map((r) => r.row);
  console.log('\n### Freshness across hubs (from the end of the run on hub A)\n');
  console.log(
    '| items | searchable on A | searchable on B | full builds A / B | incremental updates A / B | idle CPU s/s A / B | CPU from the run to 5 s after, A / B | resident memory A / B |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\n### A partner edit through hub A (a new word in its name), until its items are found by it\n');
  console.log(
    "| items | the partner's items | edit saved (PATCH answered) | entry applied on A / B (partners reloaded, before the overlay) | found on A | found on B | full builds A / B |",
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) console.log(r.partnerRow);
  console.log('\n### Database operations on the way, alone (median, hubs stopped)\n');
  console.log(
    "| items | items' version (`meta` by `_id`) | change log entry (by `_id`, 2 reads) | first item inserted, by `_id` | last item inserted, by `_id` | `countDocuments({sourceId, status})` (removed) | `find({partnerId, status})` (not used) |",
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) console.log(r.ops);
}
