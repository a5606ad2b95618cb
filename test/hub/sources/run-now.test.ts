/**
 * POST /api/v1/admin/sources/:id/run while a run of the source is already going on (the
 * first run starts as soon as a source is created): the admin gets that run's report —
 * 200 when it ends within the wait, 202 with the running run otherwise — never a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../schemas/index.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

let hub: TestHub;
let site: LoopbackServer;
let release: () => void;
const held = new Promise<void>((resolve) => (release = resolve));

function slowFeed(delayMs: number) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss(numberedEntries(4))),
      delayMs,
    );
  };
}

async function createSource(path: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}${path}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

function runNow(id: string): Promise<Response> {
  return hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'runnow', reportWaitMs: 5_000 });
  site = await startLoopbackServer();
  site.route('/half-second.rss', slowFeed(500));
  // Held until the test has its 202: longer than the wait whatever the machine's load.
  site.route('/held.rss', (_req, res) => {
    void held.then(() =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss(numberedEntries(4))),
    );
  });
  // A first read starts a reader thread; the waits below are about runs, not about that.
  site.route('/warm-up.rss', slowFeed(0));
  const warmUp = await hub.request('/api/v1/admin/sources/preview', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/warm-up.rss` },
  });
  expect(warmUp.status).toBe(200);
});
afterAll(async () => {
  release();
  await hub.services.scheduler.idle();
  await site.close();
  await hub.stop();
});

describe('run now while a run is in progress', () => {
  it('answers 200 with the first run, in progress or just finished, not a second read of the same thing', async () => {
    const id = await createSource('/half-second.rss');
    expect(await hub.services.scheduler.tick()).toBeGreaterThanOrEqual(1); // the first run, as the scheduler starts it
    await expect.poll(() => site.requests.some((r) => r.path === '/half-second.rss')).toBe(true);
    const res = await runNow(id);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Run;
    expect(report).toMatchObject({ trigger: 'schedule', status: 'ok', counts: { fetched: 4, created: 4 } });
    await hub.services.scheduler.idle();
    expect(site.requests.filter((r) => r.path === '/half-second.rss')).toHaveLength(1);

    // The admin changes the source: « run now » reads it again, whatever ran a moment ago.
    const patch = await hub.request(`/api/v1/admin/sources/${id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { schedule: '*/15 * * * *' },
    });
    expect(patch.status).toBe(200);
    const again = await runNow(id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ trigger: 'manual', status: 'ok', counts: { fetched: 4 } });
  });

  it('answers 202 with the running run when it takes longer than the wait', async () => {
    const id = await createSource('/held.rss');
    const first = hub.services.scheduler.runNow(id);
    await expect.poll(() => site.requests.some((r) => r.path === '/held.rss')).toBe(true);
    const res = await runNow(id);
    release();
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/admin/sources/${id}/runs`);
    const report = (await res.json()) as Run;
    expect(report).toMatchObject({ sourceId: id, status: 'running' });
    expect((await first)?.id).toBe(report.id);
  });

  it('runs the source itself when nothing holds it', async () => {
    const id = await createSource('/half-second.rss?again');
    const res = await runNow(id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', trigger: 'manual', counts: { fetched: 4 } });
  });
});
