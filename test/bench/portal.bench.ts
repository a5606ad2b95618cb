/**
 * Portal pages at 10,000 items: p95 latency of the server-rendered search, item and home
 * pages under 10 concurrent clients, next to the same server's constant route (/healthz)
 * measured in the same run. Budgets (issue 10): search within 3×, item and home within 2×.
 * Each request is a first visit (no If-None-Match): no 304, the whole page is sent; it is
 * rendered once per validator (hub/ui/page-cache.ts) — the minute for a search with words.
 * Then Lighthouse's mobile scores of the same pages (lighthouse.ts; BENCH_LIGHTHOUSE=0 skips).
 */
import { saveStoredIndex } from '../../hub/catalog/index-store.js';
import { seedPartners } from '../../hub/partners/index.js';
import { buildInWorker } from '../../hub/search/index.js';
import { HAS_LIGHTHOUSE, lighthouseTable } from './lighthouse.js';
import { benchDatabase, fmt, load, markMigrationsApplied, percentile } from './lib.js';
import { insertCorpus, makeCorpus, partnersMap, spawnHub, waitReady } from './search.bench.js';

const CLIENTS = 10;
const DURATION_MS = 6_000;
const SIZE = Number(process.env.BENCH_PORTAL_SIZE ?? 10_000);
const QUERIES = ['carte identite', 'permis de conduire', 'allocation logement', 'mariage', 'passeport', 'chomage'];

/** Latencies of `paths` in turn, each for its share of the duration. */
async function measure(base: string, paths: string[]): Promise<number[]> {
  const all: number[] = [];
  for (const path of paths) all.push(...(await load(base + path, CLIENTS, DURATION_MS / paths.length)));
  return all;
}

export async function runPortalBench(): Promise<void> {
  const db = await benchDatabase('bench_portal');
  await seedPartners();
  const items = makeCorpus(SIZE);
  await insertCorpus(items);
  await markMigrationsApplied();
  await saveStoredIndex('0', await buildInWorker(items, partnersMap()));
  const hub = await spawnHub(db.uri);
  try {
    const base = `http://127.0.0.1:${hub.port}`;
    await waitReady(base);
    const itemPaths = [0, 997, 4_001, 7_919].map((i) => `/articles/${encodeURIComponent(items[i % items.length]!.id)}`);
    // Warm-up: every route once under load, so that first-call costs are not measured.
    for (const path of ['/', '/recherche?q=permis', itemPaths[0]!, '/healthz']) await load(base + path, CLIENTS, 500);
    const constant = await measure(base, ['/healthz']);
    const rows = [
      [
        'search `/recherche?q=…` (6 queries)',
        await measure(
          base,
          QUERIES.map((q) => `/recherche?q=${encodeURIComponent(q)}`),
        ),
        3,
      ],
      ['item `/articles/:id` (4 DILA fiches)', await measure(base, itemPaths), 2],
      ['home `/`', await measure(base, ['/']), 2],
    ] as const;
    const c95 = percentile(constant, 95);
    console.log(
      `\n### Portal pages (${SIZE.toLocaleString('en')} items, ${CLIENTS} concurrent clients; hub in its own process)\n`,
    );
    console.log('| page | p50 | p95 | requests | p95 ratio to /healthz | budget |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| constant route /healthz | ${fmt(percentile(constant, 50), 2)} ms | ${fmt(c95, 2)} ms | ${constant.length} | 1× | |`,
    );
    for (const [label, samples, budget] of rows) {
      const ratio = percentile(samples, 95) / c95;
      console.log(
        `| ${label} | ${fmt(percentile(samples, 50), 2)} ms | ${fmt(percentile(samples, 95), 2)} ms | ${samples.length} | ${fmt(ratio, 2)}× | ≤ ${budget}× ${ratio <= budget ? 'met' : '**not met**'} |`,
      );
    }
    if (HAS_LIGHTHOUSE)
      await lighthouseTable(base, [
        ['home `/`', '/'],
        ['search `/recherche?q=permis de conduire`', '/recherche?q=permis%20de%20conduire'],
        ['item (DILA fiche)', itemPaths[1]!],
      ]);
  } finally {
    // Also when Lighthouse fails: no hub left running after the benchmark.
    hub.stop();
    await db.close();
  }
}
