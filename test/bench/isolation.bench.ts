/**
 * Isolation of parsing: what /healthz and every request wait for while hostile or heavy
 * sources are read on the main thread (before: readInProcess) and in the reader threads
 * (after: createReaderPool). A real hub runs in this process and /healthz is asked in a
 * loop during each read; the main thread's event-loop delay and the process's peak memory
 * are recorded too. Baseline: the same figures while idle, in the same process.
 *
 * Then, reading in the threads, the write phase as a run does it: the first
 * ISOLATION_WRITE_ITEMS (default 500) items ingested (validation, upsert plan, story
 * signatures, readability, inserts, each batch announced to the search index), and one
 * second more for the index's catch-up. Writing is the same code in both modes: it is
 * written once. Over the read and over the write, the main thread's longest stretch of CPU
 * between two turns of a 10 ms timer (test/helpers/main-thread-cpu.ts: CPU time, which the
 * machine's load does not inflate, where the loop delay and /healthz are wall time).
 * ISOLATION_PAGES (default 200) sets the JSON source's pages, ISOLATION_HOSTILE_PARAGRAPHS
 * (default 200,000) the size of each hostile fiche, ISOLATION_MAIN_THREAD=0 skips the reads
 * on the main thread, for a quicker run on a loaded machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createFetcher,
  createReaderPool,
  readInProcess,
  type ConnectorSource,
  type ReaderPool,
} from '../../connectors/index.js';
import type { SourceInput } from '../../schemas/index.js';
import { bumpItemsVersion } from '../../hub/items/index.js';
import { ingestItems } from '../../hub/ingest/index.js';
import { probeHealth } from '../helpers/health-probe.js';
import { mainThreadCpuSupport, probeMainThreadCpu, summarizeCpu, type CpuStretch } from '../helpers/main-thread-cpu.js';
import { makeRss } from '../helpers/rss.js';
import { startBenchHub } from './bench-hub.js';
import { hostileZip, loadFicheXml, zipFiches } from './corpus.js';
import { fmt, percentile, timed } from './lib.js';

const PAGES = Number(process.env.ISOLATION_PAGES ?? 200);
const HOSTILE_PARAGRAPHS = Number(process.env.ISOLATION_HOSTILE_PARAGRAPHS ?? 200_000);
const BUDGET = { maxBytes: 20 * 1024 * 1024, maxItems: 20_000 };
const WRITE_ITEMS = Number(process.env.ISOLATION_WRITE_ITEMS ?? 500);
const MAIN_THREAD = process.env.ISOLATION_MAIN_THREAD !== '0';
/** The main thread watched this long after a write, for the search index's catch-up. */
const AFTER_WRITE_MS = 1_000;

/** A ~1 MB JSON page of 100 events and a link to the next one. */
function jsonPage(n: number): string {
  const items = Array.from({ length: 100 }, (_, i) => ({
    id: `p${n}-${i}`,
    titre: `Événement ${n}-${i}`,
    url: `https://www.noumea.nc/agenda/p${n}-${i}`,
    description: 'Lorem ipsum dolor sit amet. '.repeat(370),
  }));
  return JSON.stringify({ items, next: n < PAGES ? `/pages?n=${n + 1}` : null });
}

async function serveInputs(zips: { dila: Uint8Array; hostile: Uint8Array }) {
  // Encoded once: this process is the hub too, and 10 MB of text encoded per request would
  // hold its main thread ~100 ms, counted against the hub.
  const bomb = Buffer.from(
    makeRss([{ guid: 'b', title: 'Bombe', link: 'https://x.nc/b', description: '<div>'.repeat(2_000_000) }]),
  );
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const zip = url.pathname === '/dila.zip' ? zips.dila : url.pathname === '/hostile.zip' ? zips.hostile : undefined;
    if (zip) return void res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    if (url.pathname === '/bomb.rss')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bomb);
    if (url.pathname === '/pages')
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(jsonPage(Number(url.searchParams.get('n') ?? 1)));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Observed<T> {
  ms: number;
  loopP99: number;
  loopMax: number;
  healthP99: number;
  healthMax: number;
  /** The main thread's longest and p99 CPU stretch (NaN without /proc). */
  cpuMax: number;
  cpuP99: number;
  peakMiB: number;
  result: T | Error;
}

/** Loop delay, /healthz answer times, main-thread CPU stretches and resident memory peak (sampled every 20 ms) during fn. */
async function observe<T>(hubUrl: string, fn: () => Promise<T>, afterMs = 50): Promise<Observed<T>> {
  const cpuProbe = mainThreadCpuSupport() ? undefined : probeMainThreadCpu();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  delay.enable();
  const probe = probeHealth(hubUrl);
  const { ms, result } = await timed(() => fn().catch((error: unknown) => error as Error));
  // One more turn of the loop: a read that blocked it is seen by the histogram and the probe.
  await new Promise((r) => setTimeout(r, afterMs));
  const stretches = cpuProbe?.stop() ?? [];
  const cpu = cpuProbe ? summarizeCpu(stretches) : undefined;
  if (process.env.ISOLATION_TRACE) traceLongStretches(stretches);
  const health = (await probe.stop()).map((s) => s.ms);
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    ms,
    loopP99: delay.percentile(99) / 1e6,
    loopMax: delay.max / 1e6,
    healthP99: percentile(health, 99),
    healthMax: Math.max(...health),
    cpuMax: cpu?.maxCpuMs ?? NaN,
    cpuP99: cpu?.p99CpuMs ?? NaN,
    peakMiB: peak / 1048576,
    result,
  };
}

/**
 * ISOLATION_TRACE=1: the stretches over 80 ms of CPU, with their span on the monotonic clock
 * in µs (the time base of a `--cpu-prof` profile's samples), to name them in the profile.
 */
function traceLongStretches(stretches: CpuStretch[]): void {
  const nowUs = Number(process.hrtime.bigint() / 1000n);
  const at = performance.now();
  for (const s of stretches.filter((x) => x.cpuMs > 80))
    console.error(
      `long stretch: cpu ${s.cpuMs.toFixed(0)} ms wall ${s.wallMs.toFixed(0)} ms, monotonic µs ${Math.round(nowUs - (at - s.end + s.wallMs) * 1000)}–${Math.round(nowUs - (at - s.end) * 1000)}`,
    );
}

function describeOutcome(result: unknown, chunks: number): string {
  if (result instanceof Error) return (result as { code?: string }).code ?? result.message;
  const read = result as { items: unknown[]; stoppedBy?: string; truncated?: boolean };
  const received = chunks > 1 ? ` in ${chunks} messages` : '';
  return `${read.items.length} items${received}${read.stoppedBy ? ` (${read.stoppedBy})` : ''}`;
}

/**
 * The write phase of a run after its read: the first WRITE_ITEMS items ingested as the hub
 * does (each batch announced to the search index), observed until AFTER_WRITE_MS after.
 */
async function observeWrite(
  hubUrl: string,
  sourceId: string,
  read: unknown,
): Promise<(Observed<unknown> & { items: string }) | undefined> {
  if (read instanceof Error) return undefined;
  const items = (read as { items: Parameters<typeof ingestItems>[0]['items'] }).items.slice(0, WRITE_ITEMS);
  if (!items.length) return undefined;
  const seen = await observe(
    hubUrl,
    () => ingestItems({ sourceId, items, complete: false, onWritten: async () => void (await bumpItemsVersion()) }),
    AFTER_WRITE_MS,
  );
  if (seen.result instanceof Error) throw seen.result;
  const created = (seen.result as Awaited<ReturnType<typeof ingestItems>>).counts.created;
  return { ...seen, items: `${created} items` };
}

/** Runs the isolation benchmark and prints a markdown table. */
export async function runIsolationBench(): Promise<void> {
  const { hub, close } = await startBenchHub('bench_isolation');
  const fetcher = createFetcher({
    userAgent: 'Passerelle-bench',
    allowedHosts: ['127.0.0.1'],
    timeoutMs: 120_000,
    maxBytes: 200 * 1024 * 1024,
  });
  // Only the zips are kept: a hub does not hold the corpus as strings, and 150 MB of them
  // in this process would weigh on its garbage collector's pauses.
  const { count, zips } = (() => {
    const fiches = loadFicheXml();
    return { count: fiches.size, zips: { dila: zipFiches(fiches), hostile: hostileZip(fiches, HOSTILE_PARAGRAPHS) } };
  })();
  (globalThis as { gc?: () => void }).gc?.();
  const site = await serveInputs(zips);
  const idle = await observe(hub.url, () => new Promise((r) => setTimeout(r, 3_000)));
  const mib = (bytes: number) => fmt(bytes / 1048576, 1);
  const inputs: [string, Omit<SourceInput, 'partnerId'>][] = [
    [
      `DILA corpus (zip, ${count} fiches, ${mib(zips.dila.length)} MiB)`,
      { kind: 'comarquage', url: `${site.origin}/dila.zip`, complete: true },
    ],
    [
      `hostile co-marquage zip (${mib(zips.hostile.length)} MiB, 4 huge fiches)`,
      { kind: 'comarquage', url: `${site.origin}/hostile.zip`, complete: true },
    ],
    ['<div> bomb (2,000,000 unclosed)', { kind: 'feed', url: `${site.origin}/bomb.rss` }],
    [
      `JSON API, ${PAGES} pages of 1 MB, 20 MiB run budget`,
      {
        kind: 'json-api',
        url: `${site.origin}/pages?n=1`,
        defaults: { type: 'event', territory: { scope: 'province', province: 'sud' } },
        mapping: {
          itemsPath: 'items',
          pagination: { type: 'next', nextPath: 'next', maxPages: PAGES },
          fields: { guid: 'id', title: 'titre', url: 'url', summary: 'description' },
        },
      },
    ],
  ];
  const rows: string[] = [];
  const readers: [string, () => ReaderPool][] = [
    ['after: reader threads', () => createReaderPool({ fetcher, threads: 2, memoryMb: 512, timeoutMs: 300_000 })],
    ...(MAIN_THREAD ? [['before: main thread', () => readInProcess(fetcher)] as [string, () => ReaderPool]] : []),
  ];
  const ms = (value: number) => (Number.isNaN(value) ? '—' : `${fmt(value, 0)} ms`);
  for (const [mode, makeReader] of readers) {
    const reader = makeReader();
    await reader.warm();
    for (const [label, input] of inputs) {
      const source = { id: `bench-${rows.length}`, partnerId: 'haut-commissariat', ...input } as ConnectorSource;
      let chunks = 0;
      const seen = await observe(hub.url, () => reader.read(source, { budget: BUDGET, onItems: () => chunks++ }));
      const write = mode.startsWith('after') ? await observeWrite(hub.url, source.id, seen.result) : undefined;
      rows.push(
        `| ${label} | ${mode} | ${describeOutcome(seen.result, chunks)} | ${fmt(seen.ms / 1000, 1)} s | ${fmt(seen.loopP99, 0)} ms | ${fmt(seen.loopMax, 0)} ms | ${fmt(seen.healthP99, 0)} ms | ${fmt(seen.healthMax, 0)} ms | ${ms(seen.cpuMax)} / ${ms(seen.cpuP99)} | ` +
          (write
            ? `${write.items} in ${fmt(write.ms / 1000, 1)} s | ${ms(write.healthP99)} / ${ms(write.healthMax)} | ${ms(write.cpuMax)} / ${ms(write.cpuP99)} | `
            : '— | — | — | ') +
          `${fmt(Math.max(seen.peakMiB, write?.peakMiB ?? 0), 0)} MiB |`,
      );
      console.error(rows.at(-1));
    }
    await reader.close();
  }
  console.log(
    `\n### Isolation of parsing (idle: loop delay p99 ${fmt(idle.loopP99, 0)} ms, max ${fmt(idle.loopMax, 0)} ms; /healthz p99 ${fmt(idle.healthP99, 0)} ms)\n`,
  );
  console.log(
    '| source | read on | outcome | read time | loop delay p99 | loop delay max | /healthz p99 | /healthz max | main-thread CPU stretch max / p99 (read) | write phase | /healthz p99 / max (write) | main-thread CPU stretch max / p99 (write) | peak RSS |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  site.close();
  await fetcher.close();
  await close();
}
