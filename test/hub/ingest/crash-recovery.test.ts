/**
 * Killing the hub in the middle of a run: the real process (`hub/main.ts`) is killed with
 * SIGKILL while it writes items. Its claim is no longer renewed and expires; another hub's
 * scheduler then marks the run interrupted on its own, the items already written become
 * searchable, and "run now" completes the source: nothing lost, nothing doubled. 1,000 items:
 * four write batches, the kill after the first (grouping on FerretDB costs ~0.1 s an item).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { createSource } from '../../../hub/sources/index.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const TOTAL = 1000;
const ADMIN = 'crash-test-admin-token-0123456789';
let site: LoopbackServer;
let uri: string;

beforeAll(async () => {
  uri = await connectTestDatabase('crash');
  await seedPartners();
  site = await startLoopbackServer();
  site.route('/big.rss', serve(makeRss(numberedEntries(TOTAL, 'big')), 'application/rss+xml'));
});
let survivor: TestHub | undefined;
afterAll(async () => {
  await site.close();
  if (survivor) await survivor.stop();
  else await dropTestDatabase();
});

function startDoomedHub(): Promise<HubProcess> {
  return startHubProcess({
    MONGODB_URI: uri,
    ADMIN_TOKEN: ADMIN,
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    // The shortest claim allowed, so that the test waits 15 s rather than a minute.
    SCHEDULER_LEASE_SECONDS: '15',
  });
}

describe('a hub killed during a run', () => {
  it('is healed by another hub: run interrupted, written items searchable, a new run completes', async () => {
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/big.rss`,
      complete: true,
    });
    const t0 = Date.now();
    const step = (what: string) => console.info(`crash-recovery: ${what} at ${Date.now() - t0} ms`);
    const hub = await startDoomedHub();
    step('hub started');
    void fetch(`http://127.0.0.1:${hub.port}/api/v1/admin/sources/${source._id}/run`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}` },
    }).catch(() => undefined);
    // Killed as soon as its first batch is written. Polled gently: a count every 5 ms kept
    // FerretDB scanning the collection without pause, in this test's own scheduling group,
    // where the hub's reader thread (nice +10) then got next to no CPU — the hub wrote no
    // item within 180 s. `exists` stops at the first item.
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline && !(await ItemModel.exists({ sourceId: source._id }))) {
      await new Promise((r) => setTimeout(r, 250));
    }
    hub.kill();
    const atKill = await ItemModel.countDocuments({ sourceId: source._id });
    const killedAt = Date.now();
    step(`killed with ${atKill} items`);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(TOTAL);
    expect(await RunModel.countDocuments({ sourceId: source._id, status: 'running' })).toBe(1);

    // Another hub, its scheduler ticking every 2 s: nothing to do while the claim lasts,
    // then the dead run is closed without anyone asking.
    survivor = await startTestHub({
      databaseUri: uri,
      env: { SCHEDULER_ENABLED: 'true', SCHEDULER_TICK_SECONDS: '2' },
    });
    step('survivor started');
    await expect
      .poll(() => RunModel.findOne({ sourceId: source._id, 'error.code': 'interrupted' }).lean(), {
        timeout: 60_000,
        interval: 500,
      })
      .not.toBeNull();
    const healedMs = Date.now() - killedAt;
    expect(healedMs).toBeLessThan(60_000);
    const interrupted = await RunModel.findOne({ sourceId: source._id, 'error.code': 'interrupted' }).lean();
    expect(interrupted?.status).toBe('failed');
    expect(interrupted?.error?.message).toContain('interrompue');
    // The source's state is written after the run is closed (two writes): read as they land,
    // not the instant the run is seen (0 then, on a loaded machine).
    await expect
      .poll(async () => (await SourceModel.findById(source._id).lean())!.state.consecutiveFailures, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(1);

    // What the dead run wrote is searchable before any new run.
    const written = await ItemModel.countDocuments({ sourceId: source._id });
    const searchTotal = async () => {
      const res = await survivor!.request('/api/v1/items?partner=noumea&limit=1');
      return ((await res.json()) as { total: number }).total;
    };
    await expect.poll(searchTotal, { timeout: 30_000, interval: 500 }).toBe(written);

    step('written items searchable');
    // "Run now" starts a new run, which completes the source.
    const res = await survivor.request(`/api/v1/admin/sources/${source._id}/run`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
    });
    expect(res.status).toBe(200);
    const run = (await res.json()) as { status: string; counts: { created: number; unchanged: number } };
    expect(run.status).toBe('ok');
    expect(run.counts.created + run.counts.unchanged).toBe(TOTAL);
    expect(await ItemModel.countDocuments({ sourceId: source._id })).toBe(TOTAL);
    expect((await ItemModel.distinct('guid', { sourceId: source._id })).length).toBe(TOTAL);
    // The index is rebuilt in a worker after the run (debounced): minutes on a loaded machine.
    await expect.poll(searchTotal, { timeout: 180_000, interval: 1_000 }).toBe(TOTAL);
    console.info(`crash-recovery: ${atKill} items at kill, run interrupted ${healedMs} ms after the kill`);
  }, 900_000);
});
