/**
 * Hostile sources run through the hub itself (this process is the hub): a JSON API of 200
 * heavy pages stops at the run's byte budget while the process stays under 1 GB and
 * /healthz keeps answering; a <div> bomb fails its own run, and the next source runs normally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../schemas/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const PAGES = 200;
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
  const bomb = makeRss([{ guid: 'b', title: 'Bombe', link: 'https://x.nc/b', description: '<div>'.repeat(2_000_000) }]);
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

/** "Run now", while /healthz is asked one request after another and the RSS sampled. */
async function runWatched(id: string): Promise<{ run: Run; healthMs: number[]; peakRssMiB: number }> {
  const healthMs: number[] = [];
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
  clearInterval(sampler);
  expect(res.status).toBe(200);
  return { run: (await res.json()) as Run, healthMs, peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 1048576 };
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
    const { run, healthMs, peakRssMiB } = await runWatched(id);
    expect(run).toMatchObject({ status: 'partial', notice: { code: 'max_bytes' } });
    const pagesRead = site.requests.filter((r) => r.path.startsWith('/pages')).length;
    expect(pagesRead).toBeLessThanOrEqual(12);
    expect(await ItemModel.countDocuments({ sourceId: id })).toBe(run.counts.created);
    expect(peakRssMiB).toBeLessThan(1024);
    // The quiet-machine bound is 200 ms; a machine shared with other test runs gets room.
    expect(p99(healthMs)).toBeLessThan(1_000);
    console.info(
      `hostile-sources: ${pagesRead} pages, ${run.counts.created} items, peak RSS ${peakRssMiB.toFixed(0)} MiB, /healthz p99 ${p99(healthMs).toFixed(0)} ms max ${Math.max(...healthMs).toFixed(0)} ms over ${healthMs.length} requests`,
    );
  }, 300_000);
});

describe('a <div> bomb', () => {
  it('fails its own run; the next source runs normally', async () => {
    const bomb = await createSource({ kind: 'feed', url: `${site.origin}/bomb.rss` });
    const { run, healthMs } = await runWatched(bomb);
    expect(run.status).toBe('failed');
    expect(['too_large', 'timeout']).toContain(run.error?.code);
    expect(p99(healthMs)).toBeLessThan(1_000);
    const next = await createSource({ kind: 'feed', url: `${site.origin}/ok.rss` });
    const { run: ok } = await runWatched(next);
    expect(ok).toMatchObject({ status: 'ok', counts: { created: 30 } });
    console.info(`hostile-sources: bomb ${run.error?.code}, /healthz p99 ${p99(healthMs).toFixed(0)} ms`);
  }, 300_000);
});
