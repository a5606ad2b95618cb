/**
 * Console screens at size: the sources list with 200 sources and Contenus with 50,000 items
 * (BENCH_CONSOLE_SOURCES / BENCH_CONSOLE_ITEMS), next to the same screens at a 10-source /
 * 1,000-item baseline and the constant route (/healthz), all in one hub in this process,
 * signed in as a partner admin. Budget (issue 11): p95 within 3× the constant route.
 */
import { createSource } from '../../hub/sources/index.js';
import { closeItemListing, listPartnerItems } from '../../hub/items/index.js';
import { ItemModel } from '../../hub/items/item-model.js';
import { consoleClient, createTestAgent, PASSWORD } from '../helpers/console.js';
import type { TestHub } from '../helpers/hub.js';
import { startBenchHub } from './bench-hub.js';
import { fmt, load, percentile } from './lib.js';

const CLIENTS = 4;
const DURATION_MS = 5_000;
const ROUND_MS = 1_000;
const BASE_SOURCES = 10;
const BASE_ITEMS = 1_000;
const SOURCES = Number(process.env.BENCH_CONSOLE_SOURCES ?? 200);
const ITEMS = Number(process.env.BENCH_CONSOLE_ITEMS ?? 50_000);
const PARTNER = 'koumac';

/**
 * The screens agents use most; `source` is one of the partner's sources, `newest` the last
 * item inserted (on FerretDB 1.24 a read by `_id` scans in insertion order: the newest item
 * is the dearest to read, bench-500 among the cheapest).
 */
const pagesFor = (source: string, newest: number): [string, string][] => [
  ['À traiter (home) `/console`', '/console'],
  ['sources list `/console/sources`', '/console/sources'],
  ['a source `/console/sources/:id`', `/console/sources/${source}`],
  ['Contenus, first page `/console/contenus`', '/console/contenus'],
  ['Contenus, a later page `?page=20`', '/console/contenus?page=20'],
  ['Contenus, words of the title `?q=marché`', '/console/contenus?q=march%C3%A9'],
  ['Contenus, filters `?statut=withdrawn&type=event`', '/console/contenus?statut=withdrawn&type=event'],
  ['Contenus, one source `?source=:id`', `/console/contenus?source=${source}`],
  ['one item `/console/contenus/bench-500`', '/console/contenus/bench-500'],
  ['the newest item `/console/contenus/bench-<last>`', `/console/contenus/bench-${newest}`],
];
let PAGES: [string, string][] = [];

/** Resident and heap MiB after a garbage collection (the bench runs with --expose-gc). */
function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
}

export async function addSources(from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < to; i += 1) {
    const source = await createSource({
      partnerId: PARTNER,
      kind: 'feed',
      url: `https://www.koumac.nc/flux-${i}.xml`,
      name: `Flux ${i}`,
      enabled: false,
    });
    ids.push(source._id);
  }
  return ids;
}

export async function addItems(from: number, to: number, sourceIds: string[]): Promise<void> {
  const now = new Date();
  for (let i = from; i < to; i += 1000) {
    await ItemModel.insertMany(
      Array.from({ length: Math.min(1000, to - i) }, (_, k) => {
        const n = i + k;
        return {
          _id: `bench-${n}`,
          partnerId: PARTNER,
          sourceId: sourceIds[n % sourceIds.length],
          guid: `bench-${n}`,
          url: `https://www.koumac.nc/actus/${n}`,
          title: n % 50 === 0 ? `Le marché de Koumac, semaine ${n}` : `Actualité de Koumac numéro ${n}`,
          type: n % 4 === 0 ? 'event' : 'news',
          topics: [],
          audience: [],
          territory: { scope: 'commune', communes: ['98812'] },
          language: 'fr',
          contentHash: String(n).padStart(64, '0'),
          status: n % 97 === 0 ? 'withdrawn' : 'published',
          revision: 1,
          publishedAt: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000),
          firstSeenAt: now,
          lastSeenAt: now,
          stats: { likes: n % 13, comments: n % 5 },
        };
      }),
      { ordered: false },
    );
  }
}

/**
 * Each route for DURATION_MS in all, in rounds of a second: /healthz, then every page, again
 * and again. On a machine shared with other benchmarks the load moves by 2–3× within a
 * minute; measured in one block each, /healthz and a page could fall in different weather
 * and their ratio said more about the neighbours than about the page.
 */
/** Koumac's partner admin, signed in on the bench hub at `base`: the cookie header its requests send. */
export async function signInBenchAgent(base: string): Promise<string> {
  await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: PARTNER });
  const client = consoleClient({ url: base } as TestHub);
  await client.html('/console/connexion');
  const signedIn = await client.post('/console/connexion', { email: 'ana@koumac.nc', password: PASSWORD });
  if (signedIn.status !== 303) throw new Error(`bench: sign-in answered ${signedIn.status}`);
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function measure(base: string, cookie: string): Promise<{ constant: number[]; pages: number[][] }> {
  const headers = { cookie };
  for (const [, path] of PAGES) await load(base + path, CLIENTS, 300, { headers });
  const constant: number[] = [];
  const pages: number[][] = PAGES.map(() => []);
  for (let round = 0; round < DURATION_MS / ROUND_MS; round += 1) {
    constant.push(...(await load(`${base}/healthz`, CLIENTS, ROUND_MS)));
    for (const [i, [, path]] of PAGES.entries())
      pages[i]!.push(...(await load(base + path, CLIENTS, ROUND_MS, { headers })));
  }
  return { constant, pages };
}

export async function runConsoleBench(): Promise<void> {
  const os = await import('node:os');
  const startedAt = new Date().toISOString().slice(0, 19);
  const loadAtStart = os.loadavg();
  const { hub, close } = await startBenchHub('bench_console');
  const base = hub.url;
  const cookie = await signInBenchAgent(base);

  const sourceIds = await addSources(0, BASE_SOURCES);
  PAGES = pagesFor(sourceIds[0]!, BASE_ITEMS - 1);
  await addItems(0, BASE_ITEMS, sourceIds);
  // The corpus is inserted behind the hub's back (no change-log entry, which would start a
  // full search build during the measures): the console's listing is loaded again, as at start.
  closeItemListing();
  const small = await measure(base, cookie);
  const started = performance.now();
  sourceIds.push(...(await addSources(BASE_SOURCES, SOURCES)));
  await addItems(BASE_ITEMS, ITEMS, sourceIds);
  const loadSeconds = (performance.now() - started) / 1000;
  PAGES = pagesFor(sourceIds[0]!, ITEMS - 1);
  closeItemListing();
  const before = memory();
  const listingStarted = performance.now();
  await listPartnerItems({ partnerId: PARTNER, limit: 1 });
  const listingSeconds = (performance.now() - listingStarted) / 1000;
  const after = memory();
  const large = await measure(base, cookie);
  await close();

  const [l1, l5, l15] = os.loadavg();
  const [s1, s5, s15] = loadAtStart;
  console.log(
    `\n### Console screens (${SOURCES} sources, ${ITEMS.toLocaleString('en')} items vs ${BASE_SOURCES} / ${BASE_ITEMS.toLocaleString('en')}; ${CLIENTS} concurrent clients; hub in this process)\n`,
  );
  console.log(
    `Run ${startedAt} → ${new Date().toISOString().slice(0, 19)} UTC; load average ${fmt(s1!, 2)} / ${fmt(s5!, 2)} / ${fmt(s15!, 2)} at the start, ${fmt(l1!, 2)} / ${fmt(l5!, 2)} / ${fmt(l15!, 2)} at the end; data added in ${fmt(loadSeconds)} s.\n`,
  );
  console.log(
    `Console listing in memory at ${ITEMS.toLocaleString('en')} items: loaded in ${fmt(listingSeconds, 2)} s; resident ${fmt(before.rss)} → ${fmt(after.rss)} MiB, heap ${fmt(before.heap)} → ${fmt(after.heap)} MiB.\n`,
  );
  console.log(
    '| page | p95 baseline | p95 at size | ratio at size / baseline | p95 ratio to /healthz at size | budget ≤ 3× |',
  );
  console.log('|---|---|---|---|---|---|');
  const c95 = percentile(large.constant, 95);
  console.log(
    `| constant route /healthz | ${fmt(percentile(small.constant, 95), 2)} ms | ${fmt(c95, 2)} ms | ${fmt(c95 / percentile(small.constant, 95), 2)}× | 1× | |`,
  );
  PAGES.forEach(([label], i) => {
    const [s95, l95] = [percentile(small.pages[i]!, 95), percentile(large.pages[i]!, 95)];
    const ratio = l95 / c95;
    console.log(
      `| ${label} | ${fmt(s95, 1)} ms | ${fmt(l95, 1)} ms | ${fmt(l95 / s95, 2)}× | ${fmt(ratio, 1)}× | ${ratio <= 3 ? 'met' : '**not met**'} |`,
    );
  });
}
