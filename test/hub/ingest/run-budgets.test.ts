/**
 * Budgets of a run through the real hub: a feed longer than RUN_MAX_ITEMS is taken in part,
 * the run is partial with a French notice, nothing is withdrawn, and the next run reads it
 * all again (no validators kept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../schemas/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries, type RssEntry } from '../../helpers/rss.js';

let hub: TestHub;
let site: LoopbackServer;
let entries: RssEntry[] = numberedEntries(15, 'old');

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'budgets', env: { RUN_MAX_ITEMS: '20' } });
  site = await startLoopbackServer();
  site.route('/long.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${entries.length}"` }).end(makeRss(entries));
  });
}, 60_000);
afterAll(async () => {
  await site.close();
  await hub.stop();
});

async function run(id: string): Promise<Run> {
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return (await res.json()) as Run;
}

describe('the item budget of a run (RUN_MAX_ITEMS)', () => {
  it('takes the first entries, marks the run partial with a French notice and withdraws nothing', async () => {
    const created = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/long.rss`, complete: true },
    });
    const { id } = (await created.json()) as { id: string };
    const first = await run(id);
    expect(first).toMatchObject({ status: 'ok', counts: { created: 15 } });
    expect(first.notice).toBeUndefined();

    // 40 new entries ahead of the 15 known ones: only the first 20 fit.
    entries = [...numberedEntries(40, 'new'), ...entries];
    const second = await run(id);
    expect(second).toMatchObject({ status: 'partial', counts: { fetched: 20, created: 20, withdrawn: 0 } });
    expect(second.notice?.code).toBe('max_items');
    expect(second.notice?.message).toContain('les 20 premiers ont été pris, 35 laissés de côté');
    expect(await ItemModel.countDocuments({ sourceId: id, status: 'published' })).toBe(35);
    // A partial run keeps no validator: the next run reads the whole answer again.
    expect((await SourceModel.findById(id).lean())?.state.etag).toBeUndefined();

    const runs = await hub.request(`/api/v1/admin/sources/${id}/runs`, { token: TEST_ADMIN_TOKEN });
    const { runs: history } = (await runs.json()) as { runs: Run[] };
    expect(history[0]).toMatchObject({ id: second.id, status: 'partial', notice: second.notice });
  }, 60_000);
});
