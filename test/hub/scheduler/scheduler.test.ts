/** The scheduler against a real database: leases, isolation of failures, backoff, politeness. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readInProcess } from '../../../connectors/index.js';
import { createLogger } from '../../../hub/log.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { createScheduler, limitPerHost } from '../../../hub/scheduler/index.js';
import { createSource } from '../../../hub/sources/index.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import {
  createTestFetcher,
  startLoopbackServer,
  type LoopbackServer,
} from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const log = createLogger('silent');
let site: LoopbackServer;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  await connectTestDatabase('scheduler');
  await seedPartners();
  site = await startLoopbackServer();
  site.route('/slow.rss', (_req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(makeRss(numberedEntries(5, `slow${Math.random()}`)));
    }, 150);
  });
  site.route(
    '/ok.rss',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'cache-control': 'max-age=7200' })
        .end(makeRss(numberedEntries(3, 'ok'))),
  );
  site.route(
    '/ttl.rss',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          makeRss(numberedEntries(1, 'ttl')).replace(
            '<description>Flux de test</description>',
            '<description>x</description><ttl>180</ttl>',
          ),
        ),
  );
  site.route('/500', (_req, res) => void res.writeHead(500).end());
  site.route('/429', (_req, res) => void res.writeHead(429, { 'retry-after': '600' }).end());
});
afterAll(async () => {
  await site.close();
  await dropTestDatabase();
});
beforeEach(async () => {
  await SourceModel.deleteMany({});
  await RunModel.deleteMany({});
  await ItemModel.deleteMany({});
});

function scheduler(concurrency = 4) {
  return createScheduler({ reader: readInProcess(limitPerHost(createTestFetcher(), 2)), log, concurrency });
}

describe('scheduler', () => {
  it('runs a due source exactly once when two hub processes tick together', async () => {
    const source = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/ok.rss` });
    const a = scheduler();
    const b = scheduler();
    expect(a.owner).not.toBe(b.owner);
    const claimed = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(claimed.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await RunModel.countDocuments({ sourceId: source._id })).toBe(1);
    const after = await SourceModel.findById(source._id).lean();
    expect(after?.lease).toBeUndefined();
    // Cache-Control max-age=7200 pushes the next run two hours out (next cron slot after it).
    expect(after!.state.nextRunAt!.getTime()).toBeGreaterThanOrEqual(Date.now() + 7_100_000);
  });

  it('runs each of 10 due sources exactly once when 4 processes tick at the same time', async () => {
    const ids = [];
    for (let i = 0; i < 10; i += 1)
      ids.push((await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/ok.rss?i=${i}` }))._id);
    const schedulers = Array.from({ length: 4 }, () => scheduler(10));
    const claimed = await Promise.all(schedulers.flatMap((s) => [s.tick(), s.tick()]));
    await Promise.all(schedulers.map((s) => s.idle()));
    expect(claimed.reduce((x, y) => x + y, 0)).toBe(10);
    for (const id of ids) expect(await RunModel.countDocuments({ sourceId: id })).toBe(1);
  });

  it('runs the other sources when one fails', async () => {
    const bad = await createSource({ partnerId: 'lifou', kind: 'feed', url: `${site.origin}/500` });
    const good = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/ok.rss` });
    const s = scheduler();
    expect(await s.tick()).toBe(2);
    await s.idle();
    expect((await RunModel.findOne({ sourceId: bad._id }).lean())?.status).toBe('failed');
    expect((await RunModel.findOne({ sourceId: good._id }).lean())?.status).toBe('ok');
    expect(await ItemModel.countDocuments({ sourceId: good._id })).toBe(3);
  });

  it('backs off exponentially, alerts after 3 failures, and clears the alert on success', async () => {
    const source = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/500` });
    const s = scheduler();
    const delays: number[] = [];
    for (let i = 1; i <= 4; i += 1) {
      await SourceModel.updateOne({ _id: source._id }, { $set: { 'state.nextRunAt': new Date(0) } });
      const before = Date.now();
      await s.tick();
      await s.idle();
      const state = (await SourceModel.findById(source._id).lean())!.state;
      expect(state.consecutiveFailures).toBe(i);
      delays.push(state.nextRunAt!.getTime() - before);
      if (i < 3) expect(state.alert).toBeUndefined();
      else expect(state.alert?.message).toMatch(/échecs consécutifs.*http_5xx/);
    }
    // 5, 10, 20, 40 minutes, each ±20%.
    expect(delays[0]).toBeGreaterThan(4 * 60_000);
    expect(delays[0]).toBeLessThan(6.1 * 60_000);
    expect(delays[3]).toBeGreaterThan(32 * 60_000);
    expect(delays[3]).toBeLessThan(48.1 * 60_000);
    await SourceModel.updateOne(
      { _id: source._id },
      { $set: { url: `${site.origin}/ok.rss`, 'state.nextRunAt': new Date(0) } },
    );
    await s.tick();
    await s.idle();
    const healed = (await SourceModel.findById(source._id).lean())!.state;
    expect(healed).toMatchObject({ consecutiveFailures: 0, lastStatus: 'ok' });
    expect(healed.alert).toBeUndefined();
  });

  it('defers on 429 with Retry-After without counting a failure', async () => {
    const source = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/429` });
    const s = scheduler();
    await s.tick();
    await s.idle();
    const state = (await SourceModel.findById(source._id).lean())!.state;
    expect(state.consecutiveFailures).toBe(0);
    expect(state.lastError?.code).toBe('http_429');
    expect(state.nextRunAt!.getTime()).toBeGreaterThanOrEqual(Date.now() + 590_000);
  });

  it("respects the feed's own ttl", async () => {
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/ttl.rss`,
      schedule: '* * * * *',
    });
    const s = scheduler();
    await s.tick();
    await s.idle();
    const next = (await SourceModel.findById(source._id).lean())!.state.nextRunAt!.getTime();
    expect(next).toBeGreaterThanOrEqual(Date.now() + 179 * 60_000);
  });

  it('sends at most 2 requests at once to one host', async () => {
    maxInFlight = 0;
    for (let i = 0; i < 6; i += 1)
      await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/slow.rss?n=${i}` });
    const s = scheduler(6);
    expect(await s.tick()).toBe(6);
    await s.idle();
    // Every run ok; on a failure the statuses and reasons say why (it failed once on a loaded machine: 4 of 6).
    const runs = await RunModel.find({}, { status: 1, error: 1 }).lean();
    expect(runs.map((r) => `${r.status} ${r.error?.code ?? ''} ${r.error?.message ?? ''}`.trim())).toEqual(
      Array(6).fill('ok'),
    );
    expect(maxInFlight).toBe(2);
  });

  it('withdraws what a run stored for a source deleted while it ran, and keeps a schedule changed meanwhile', async () => {
    const s = scheduler();
    const doomed = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/slow.rss?doomed` });
    const running = s.runNow(doomed._id);
    // Deleted while it runs: once the partner's server has been asked, not before the claim.
    await expect.poll(() => site.requests.some((r) => r.path === '/slow.rss?doomed')).toBe(true);
    await SourceModel.deleteOne({ _id: doomed._id });
    expect((await running)?.status).toBe('ok');
    expect(await ItemModel.countDocuments({ sourceId: doomed._id, status: 'published' })).toBe(0);

    const changed = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/slow.rss?changed`,
      schedule: '*/5 * * * *',
    });
    const again = s.runNow(changed._id);
    await expect.poll(() => site.requests.some((r) => r.path === '/slow.rss?changed')).toBe(true);
    await SourceModel.updateOne({ _id: changed._id }, { $set: { schedule: '0 6 * * *' } });
    await again;
    const next = (await SourceModel.findById(changed._id).lean())!.state.nextRunAt!;
    expect(next.getUTCHours()).toBe(19);
    expect(next.getUTCMinutes()).toBe(0);
  });

  it('takes over a source whose holder crashed once the lease expires', async () => {
    const source = await createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/ok.rss` });
    await SourceModel.updateOne(
      { _id: source._id },
      { $set: { lease: { owner: 'dead', until: new Date(Date.now() + 60_000), runId: 'x' } } },
    );
    const s = scheduler();
    expect(await s.tick()).toBe(0);
    await SourceModel.updateOne({ _id: source._id }, { $set: { 'lease.until': new Date(Date.now() - 1) } });
    expect(await s.tick()).toBe(1);
    await s.idle();
    expect(await RunModel.countDocuments({ sourceId: source._id, status: 'ok' })).toBe(1);
  });
});
