/**
 * Hostile sources run through the hub itself (this process is the hub): a JSON API of 200
 * heavy pages stops at the run's byte budget while the process stays under 1 GB and
 * /healthz keeps answering; a <div> bomb fails its own run, and the next source runs normally.
 * Throughout both, writes included, the main thread never runs more than 200 ms of CPU
 * without a turn of its event loop (test/helpers/main-thread-cpu.ts).
 */
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../schemas/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import {
  describeCpu,
  mainThreadCpuSupport,
  probeMainThreadCpu,
  summarizeCpu,
  type CpuSummary,
} from '../../helpers/main-thread-cpu.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const PAGES = 200;
/**
 * Issue 16's « never blocked by a source » as a figure: the main thread's longest CPU stretch
 * between two turns of a 10 ms timer, over the run and the second after it (the search
 * index's catch-up), under 200 ms. CPU time, which a loaded machine does not inflate (unlike
 * /healthz's wall time below, which gets a generous bound for that reason).
 */
const CPU_STRETCH_MS = 200;
const AFTER_RUN_MS = 1_000;
const cpuUnsupported = mainThreadCpuSupport();
if (cpuUnsupported) console.warn(`hostile-sources: main-thread CPU bound skipped, ${cpuUnsupported}`);
const RUN_MAX_BYTES = 20 * 1024 * 1024;
let hub: TestHub;
let site: LoopbackServer;

/** A page of about 2 MB: 10 events of 200 KB each, and a link to the next page. */
function page(n: number): string {
  const items = Array.from({ length: 10 }, (_, i) => ({
    id: `p${n}-${i}`,
    titre: `Événement ${n}-${i}`,
    url: `https://www.noumea.nc/agenda/p${n}-${i}`,
    description: 'Lorem ipsum dolor sit amet. '.repeat(7_500),
  }));
  return JSON.stringify({ items, next: n < PAGES ? `/pages?n=${n + 1}` : null });
}

beforeAll(async () => {
  hub = await startTestHub({
    seed: true,
    label: 'hostile',
    env: { RUN_MAX_BYTES: String(RUN_MAX_BYTES), READER_THREADS: '1', READER_MEMORY_MB: '256' },
  });
  site = await startLoopbackServer();
  site.route('/pages', (_req, res, url) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(page(Number(url.searchParams.get('n') ?? 1)));
  });
  // Encoded once: this process is the hub too, and encoding 10 MB of text for each request
  // held its main thread ~100 ms, which the CPU bound below would blame on the hub.
  const bomb = Buffer.from(
    makeRss([{ guid: 'b', title: 'Bombe', link: 'https://x.nc/b', description: '<div>'.repeat(2_000_000) }]),
  );
  site.route('/bomb.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bomb));
  site.route('/ok.rss', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss(numberedEntries(30))),
  );
}, 120_000);
afterAll(async () => {
  await site?.close();
  await hub?.stop();
});

async function createSource(json: Record<string, unknown>): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', ...json },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** "Run now", while /healthz is asked one request after another, the RSS sampled and the main thread's CPU watched. */
async function runWatched(
  id: string,
): Promise<{ run: Run; healthMs: number[]; peakRssMiB: number; cpu: CpuSummary | undefined }> {
  const healthMs: number[] = [];
  const cpuProbe = cpuUnsupported ? undefined : probeMainThreadCpu();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  let running = true;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${hub.url}/healthz`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      healthMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  running = false;
  await probe;
  await new Promise((r) => setTimeout(r, AFTER_RUN_MS));
  const cpu = cpuProbe && summarizeCpu(cpuProbe.stop());
  clearInterval(sampler);
  expect(res.status).toBe(200);
  return {
    run: (await res.json()) as Run,
    healthMs,
    peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 1048576,
    cpu,
  };
}

/** Never blocked: no stretch of the main thread's CPU over CPU_STRETCH_MS (where /proc tells). */
function expectNeverBlocked(cpu: CpuSummary | undefined): void {
  if (cpu) expect(cpu.maxCpuMs, describeCpu(cpu)).toBeLessThan(CPU_STRETCH_MS);
}

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.99) - 1]!;

describe('a JSON API of 200 pages of 2 MB', () => {
  it('stops at the run budget, the hub under 1 GB and answering /healthz', async () => {
    const id = await createSource({
      kind: 'json-api',
      url: `${site.origin}/pages?n=1`,
      complete: true,
      defaults: { type: 'event', territory: { scope: 'province', province: 'sud' } },
      mapping: {
        itemsPath: 'items',
        pagination: { type: 'next', nextPath: 'next', maxPages: PAGES },
        fields: { guid: 'id', title: 'titre', url: 'url', summary: 'description' },
      },
    });
    const { run, healthMs, peakRssMiB, cpu } = await runWatched(id);
    expect(run).toMatchObject({ status: 'partial', notice: { code: 'max_bytes' } });
    const pagesRead = site.requests.filter((r) => r.path.startsWith('/pages')).length;
    expect(pagesRead).toBeLessThanOrEqual(12);
    expect(await ItemModel.countDocuments({ sourceId: id })).toBe(run.counts.created);
    expect(peakRssMiB).toBeLessThan(1024);
    console.info(
      `hostile-sources: ${pagesRead} pages, ${run.counts.created} items, peak RSS ${peakRssMiB.toFixed(0)} MiB, /healthz p99 ${p99(healthMs).toFixed(0)} ms max ${Math.max(...healthMs).toFixed(0)} ms over ${healthMs.length} requests; ${cpu ? describeCpu(cpu) : 'no /proc'}; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    // /healthz is wall time: the quiet-machine bound is 200 ms, a machine shared with other
    // test runs gets room (its queue alone reached 653 ms p99 at load 20); the CPU bound is exact.
    expect(p99(healthMs)).toBeLessThan(1_000);
    expectNeverBlocked(cpu);
  }, 300_000);
});

describe('a <div> bomb', () => {
  it('fails its own run; the next source runs normally', async () => {
    const bomb = await createSource({ kind: 'feed', url: `${site.origin}/bomb.rss` });
    const { run, healthMs, cpu } = await runWatched(bomb);
    console.info(
      `hostile-sources: bomb ${run.error?.code}, /healthz p99 ${p99(healthMs).toFixed(0)} ms; ${cpu ? describeCpu(cpu) : 'no /proc'}`,
    );
    expect(run.status).toBe('failed');
    expect(['too_large', 'timeout']).toContain(run.error?.code);
    expect(p99(healthMs)).toBeLessThan(1_000);
    expectNeverBlocked(cpu);
    const next = await createSource({ kind: 'feed', url: `${site.origin}/ok.rss` });
    const { run: ok, cpu: okCpu } = await runWatched(next);
    expect(ok).toMatchObject({ status: 'ok', counts: { created: 30 } });
    expectNeverBlocked(okCpu);
  }, 300_000);
});
