/**
 * Two real hub processes (`hub/main.ts`) on one database, both scheduling every second,
 * and one due source: exactly one run, and the partner's server is asked exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPartners } from '../../../hub/partners/index.js';
import { createSource } from '../../../hub/sources/index.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

let site: LoopbackServer;
let uri: string;
const hubs: HubProcess[] = [];

async function startHub(): Promise<void> {
  const hub = await startHubProcess({
    MONGODB_URI: uri,
    ADMIN_TOKEN: 'two-processes-token-0123456789ab',
    SCHEDULER_ENABLED: 'true',
    SCHEDULER_TICK_SECONDS: '1',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
  });
  hubs.push(hub);
}

beforeAll(async () => {
  uri = await connectTestDatabase('twohubs');
  await seedPartners();
  site = await startLoopbackServer();
  site.route('/actus.rss', serve(makeRss(numberedEntries(20)), 'application/rss+xml'));
});
afterAll(async () => {
  for (const hub of hubs) hub.stop();
  await site.close();
  await dropTestDatabase();
});

describe('two hub processes on one database', () => {
  it('run a due source exactly once', async () => {
    await Promise.all([startHub(), startHub()]);
    // Due from now on, once both schedulers tick every second.
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/actus.rss`,
      schedule: '0 6 * * *',
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await RunModel.countDocuments({ sourceId: source._id, status: 'ok' })) === 0)
      await new Promise((r) => setTimeout(r, 200));
    // Several more ticks of both processes.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await RunModel.countDocuments({ sourceId: source._id })).toBe(1);
    expect(site.requests.filter((r) => r.path === '/actus.rss')).toHaveLength(1);
  }, 300_000);
});
