/**
 * The source's item count on the sources list (state.itemCount) comes from the run itself —
 * the items it read at its start and what it wrote — not from a count of the items after it
 * (a scan of the whole collection on FerretDB, which held every hub's reads up: issue 17).
 * Checked against the stored items after runs that create, withdraw and restore, around an
 * agent's withdrawal (which stands through later runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawItem } from '../../../hub/items/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

let hub: TestHub;
let site: LoopbackServer;
let sourceId: string;
const all = numberedEntries(8, 'compte');

async function runWith(entries: typeof all): Promise<{ counts: Record<string, number> }> {
  site.route('/compte.rss', serve(makeRss(entries), 'application/rss+xml'));
  const res = await hub.request(`/api/v1/admin/sources/${sourceId}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return (await res.json()) as { counts: Record<string, number> };
}

/** The count the run wrote, and the truth counted in the database. */
async function counts(): Promise<{ shown: number | undefined; stored: number }> {
  const source = await SourceModel.findById(sourceId).lean();
  return {
    shown: source?.state.itemCount,
    stored: await ItemModel.countDocuments({ sourceId, status: 'published' }),
  };
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'source-item-count' });
  site = await startLoopbackServer();
  site.route('/compte.rss', serve(makeRss(all), 'application/rss+xml'));
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/compte.rss`, complete: true },
  });
  expect(res.status).toBe(201);
  sourceId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await site.close();
  await hub.stop();
});

describe("a source's item count", () => {
  it('follows creations, withdrawals, restorations and an agent withdrawal without counting the items', async () => {
    expect((await runWith(all)).counts).toMatchObject({ created: 8 });
    expect(await counts()).toEqual({ shown: 8, stored: 8 });

    // Three entries vanish from a complete listing: withdrawn.
    expect((await runWith(all.slice(0, 5))).counts).toMatchObject({ withdrawn: 3, unchanged: 5 });
    expect(await counts()).toEqual({ shown: 5, stored: 5 });

    // An agent withdraws one between runs; two vanished entries come back (restored) and one is new.
    await withdrawItem((await ItemModel.findOne({ sourceId, guid: 'compte-0' }).lean())!._id);
    const back = [...all.slice(0, 7), ...numberedEntries(1, 'nouveau')];
    expect((await runWith(back)).counts).toMatchObject({ created: 1, updated: 2, withdrawn: 0 });
    expect(await counts()).toEqual({ shown: 7, stored: 7 });

    // An unchanged listing keeps the count; a listing of two withdraws all the others.
    await runWith(back);
    expect(await counts()).toEqual({ shown: 7, stored: 7 });
    expect((await runWith(back.slice(0, 2))).counts).toMatchObject({ withdrawn: 6 });
    expect(await counts()).toEqual({ shown: 1, stored: 1 });
  }, 60_000);
});
