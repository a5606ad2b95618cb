/**
 * Killing the hub in the middle of a run: the real process (`hub/main.ts`) is killed with
 * SIGKILL while it writes items; after its lease expires another hub runs the source
 * again. No item is lost, none is duplicated, and the cut run is marked interrupted.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../hub/log.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { ClaimModel } from '../../../hub/scheduler/claim-model.js';
import { createScheduler } from '../../../hub/scheduler/index.js';
import { createSource } from '../../../hub/sources/index.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import {
  createTestFetcher,
  serve,
  startLoopbackServer,
  type LoopbackServer,
} from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const TOTAL = 5000;
const ADMIN = 'crash-test-admin-token-0123456789';
let site: LoopbackServer;
let uri: string;

beforeAll(async () => {
  uri = await connectTestDatabase('crash');
  await seedPartners();
  site = await startLoopbackServer();
  site.route('/big.rss', serve(makeRss(numberedEntries(TOTAL, 'big')), 'application/rss+xml'));
});
afterAll(async () => {
  await site.close();
  await dropTestDatabase();
});

function startHubProcess(): Promise<{ port: number; kill: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
      cwd: new URL('../../../', import.meta.url).pathname,
      env: {
        ...process.env,
        MONGODB_URI: uri,
        PORT: '0',
        HOST: '127.0.0.1',
        ADMIN_TOKEN: ADMIN,
        SCHEDULER_ENABLED: 'false',
        SOURCE_ALLOWED_HOSTS: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err)?.[1];
      if (port) resolve({ port: Number(port), kill: () => child.kill('SIGKILL') });
    });
    child.on('exit', (code) => reject(new Error(`hub exited (${code}): ${err}`)));
  });
}

describe('a hub killed during a run', () => {
  it('loses nothing and duplicates nothing once another hub runs the source again', async () => {
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/big.rss`,
      complete: true,
    });
    const hub = await startHubProcess();
    void fetch(`http://127.0.0.1:${hub.port}/api/v1/admin/sources/${source._id}/run`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}` },
    }).catch(() => undefined);
    let atKill = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      atKill = await ItemModel.countDocuments({ sourceId: source._id });
      if (atKill > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    hub.kill();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(TOTAL);
    expect(await RunModel.countDocuments({ sourceId: source._id, status: 'running' })).toBe(1);

    // While the dead hub's lease lasts, nobody else may run the source…
    const survivor = createScheduler({
      fetcher: createTestFetcher({ timeoutMs: 20_000 }),
      log: createLogger('silent'),
      concurrency: 1,
    });
    expect(await survivor.runNow(source._id)).toBeUndefined();
    // …and once it has expired (we move its end into the past), the survivor takes over.
    await ClaimModel.updateMany({ sourceId: source._id }, { $set: { until: new Date(Date.now() - 1000) } });
    const run = await survivor.runNow(source._id);
    expect(run?.status).toBe('ok');
    expect(run!.counts.created + run!.counts.unchanged).toBe(TOTAL);

    expect(await ItemModel.countDocuments({ sourceId: source._id })).toBe(TOTAL);
    expect((await ItemModel.distinct('guid', { sourceId: source._id })).length).toBe(TOTAL);
    expect(await RunModel.findOne({ sourceId: source._id, 'error.code': 'interrupted' }).lean()).not.toBeNull();
  }, 180_000);
});
