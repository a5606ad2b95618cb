/**
 * Isolation of parsing: the main thread's event-loop delay (what /healthz and every request
 * wait for), the run's time and the process's peak memory while hostile or heavy sources are
 * run, read on the main thread (before: readInProcess) and in the reader threads (after:
 * createReaderPool). Baseline: the loop's delay while idle, in the same process.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createFetcher, createReaderPool, readInProcess, type ReaderPool } from '../../connectors/index.js';
import { createLogger } from '../../hub/log.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createScheduler } from '../../hub/scheduler/index.js';
import { createSource } from '../../hub/sources/index.js';
import type { SourceInput } from '../../schemas/index.js';
import { makeRss } from '../helpers/rss.js';
import { benchDatabase, fmt, timed } from './lib.js';
import { loadFicheXml, zipFiches } from './corpus.js';

const PAGES = 200;
const RUN_MAX_BYTES = 20 * 1024 * 1024;

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

async function serveInputs(zip: Uint8Array) {
  const bomb = makeRss([{ guid: 'b', title: 'Bombe', link: 'https://x.nc/b', description: '<div>'.repeat(2_000_000) }]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/fiches.zip') return void res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
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

/** Delay of the loop (p99, max in ms), resident memory peak (MiB, sampled every 20 ms) during fn. */
async function observe<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; p99: number; max: number; peakMiB: number; result: T }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  delay.enable();
  const { ms, result } = await timed(fn);
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, peakMiB: peak / 1048576, result };
}

/** Runs the isolation benchmark and prints a markdown table. */
export async function runIsolationBench(): Promise<void> {
  const db = await benchDatabase('bench_isolation');
  await seedPartners();
  const fetcher = createFetcher({
    userAgent: 'Passerelle-bench',
    allowedHosts: ['127.0.0.1'],
    timeoutMs: 120_000,
    maxBytes: 200 * 1024 * 1024,
  });
  const site = await serveInputs(zipFiches(loadFicheXml()));
  const idle = await observe(() => new Promise((r) => setTimeout(r, 3_000)));
  const inputs: [string, Omit<SourceInput, 'partnerId'>][] = [
    ['DILA corpus (zip, 20 MiB)', { kind: 'comarquage', url: `${site.origin}/fiches.zip`, complete: true }],
    ['<div> bomb (2,000,000 unclosed)', { kind: 'feed', url: `${site.origin}/bomb.rss` }],
    [
      `JSON API, ${PAGES} pages of 1 MB`,
      {
        kind: 'json-api',
        url: `${site.origin}/pages?n=1`,
        defaults: { type: 'event', territory: { scope: 'province', province: 'sud' } },
        mapping: {
          itemsPath: 'items',
          pagination: { type: 'next', nextPath: 'next', maxPages: 200 },
          fields: { guid: 'id', title: 'titre', url: 'url', summary: 'description' },
        },
      },
    ],
  ];
  const rows: string[] = [];
  const readers: [string, () => ReaderPool][] = [
    ['after: reader threads', () => createReaderPool({ fetcher, threads: 2, memoryMb: 512, timeoutMs: 300_000 })],
    ['before: main thread', () => readInProcess(fetcher)],
  ];
  for (const [mode, makeReader] of readers) {
    const reader = makeReader();
    const budget = { maxBytes: RUN_MAX_BYTES, maxItems: 20_000 };
    const scheduler = createScheduler({ reader, budget, log: createLogger('silent'), concurrency: 1 });
    for (const [label, input] of inputs) {
      // A fresh source each time: every run parses and writes in full.
      const source = await createSource({
        partnerId: 'haut-commissariat',
        ...input,
        url: `${input.url}#${mode}`,
      } as SourceInput & { credentials?: undefined });
      const seen = await observe(() => scheduler.runNow(source._id));
      const run = seen.result!;
      const outcome = run.error?.code ?? run.notice?.code ?? run.status;
      rows.push(
        `| ${label} | ${mode} | ${outcome} | ${run.counts.created} | ${fmt(seen.ms / 1000, 1)} s | ${fmt(seen.p99, 0)} ms | ${fmt(seen.max, 0)} ms | ${fmt(seen.peakMiB, 0)} MiB |`,
      );
    }
    await scheduler.stop();
    await reader.close();
  }
  console.log(`\n### Isolation of parsing (idle loop: p99 ${fmt(idle.p99, 0)} ms, max ${fmt(idle.max, 0)} ms)\n`);
  console.log('| source | read on | outcome | created | run time | loop delay p99 | loop delay max | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  site.close();
  await fetcher.close();
  await db.close();
}
