/**
 * The console's listing served from memory (hub/items item-listing.ts) against what the
 * database holds: every status, filters, order (newest first, then id; a missing date
 * last), pages and totals — after a first load, after this process withdraws and restores
 * (shown at once, without waiting for the change log), and after another hub process
 * ingests and withdraws items (applied from the change log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpItemsVersion,
  closeItemListing,
  countPublishedBySource,
  listPartnerItems,
  restoreItem,
  withdrawItem,
  type ListedItem,
  type PartnerItemQuery,
} from '../../../hub/items/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { findItemTitles } from '../../../hub/items/index.js';
import { createSource, listSources } from '../../../hub/sources/index.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { insertItems, type ItemFixture } from '../../helpers/items.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const TOKEN = 'listing-token-0123456789abcdef';
let uri: string;
let site: LoopbackServer;
const hubs: HubProcess[] = [];

const TITLES = [
  'Le Marché de Koumac',
  'MARCHE nocturne',
  'marché aux puces',
  'Fête de la crevette',
  'Réunion publique',
];

/** 44 items of three partners: sources, types, statuses, titles with and without accents, equal dates, one undated. */
function fixtures(): ItemFixture[] {
  return Array.from({ length: 44 }, (_, i) => {
    const partnerId = i % 4 === 3 ? 'noumea' : i === 42 ? 'province-nord' : 'koumac';
    const status = i % 7 === 2 ? 'withdrawn' : 'published';
    return {
      id: `item-${String(i).padStart(2, '0')}`,
      partnerId,
      sourceId: `${partnerId}-src-${i % 3}`,
      type: i % 5 === 0 ? 'event' : 'news',
      title: `${TITLES[i % TITLES.length]} ${i}`,
      status,
      ...(status === 'withdrawn'
        ? { withdrawnAt: new Date(Date.UTC(2026, 10, 1)), withdrawnBy: i % 2 ? 'agent' : 'source' }
        : {}),
      // Three items a day: ties ordered by id.
      ...(i === 40 ? { publishedAt: undefined } : { publishedAt: new Date(Date.UTC(2026, 9, 1 + Math.floor(i / 3))) }),
      stats: { likes: i % 6, comments: i % 4 },
    } as ItemFixture;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the database holds for a query (the console's former query). */
async function fromDatabase(query: PartnerItemQuery): Promise<{ total: number; items: unknown[] }> {
  const limit = query.limit ?? 25;
  const filter: Record<string, unknown> = {};
  if (query.partnerId) filter.partnerId = query.partnerId;
  if (query.status) filter.status = query.status;
  if (query.sourceId) filter.sourceId = query.sourceId;
  if (query.type) filter.type = query.type;
  if (query.q) filter.title = { $regex: escapeRegExp(query.q), $options: 'i' };
  const [items, total] = await Promise.all([
    ItemModel.find(filter)
      .sort({ publishedAt: -1, _id: 1 })
      .skip(((query.page ?? 1) - 1) * limit)
      .limit(limit)
      .lean<ListedItem[]>(),
    ItemModel.countDocuments(filter),
  ]);
  return { total, items: items.map(shown) };
}

/** The fields a listing shows, comparable. */
function shown(item: ListedItem) {
  return {
    id: item._id,
    partnerId: item.partnerId,
    sourceId: item.sourceId,
    title: item.title,
    url: item.url,
    type: item.type,
    status: item.status,
    publishedAt: item.publishedAt ? new Date(item.publishedAt).toISOString() : null,
    firstSeenAt: new Date(item.firstSeenAt).toISOString(),
    withdrawnAt: item.withdrawnAt ? new Date(item.withdrawnAt).toISOString() : null,
    withdrawnBy: item.withdrawnBy ?? null,
    likes: item.stats?.likes ?? 0,
    comments: item.stats?.comments ?? 0,
  };
}

async function fromMemory(query: PartnerItemQuery): Promise<{ total: number; items: unknown[] }> {
  const { total, items } = await listPartnerItems(query);
  return { total, items: items.map(shown) };
}

/** Every combination of the console's filters, three pages of 7. */
function queries(): PartnerItemQuery[] {
  const out: PartnerItemQuery[] = [];
  for (const partnerId of ['koumac', 'noumea', undefined])
    for (const status of [undefined, 'published', 'withdrawn'] as const)
      for (const type of [undefined, 'event'])
        for (const q of [undefined, 'march', 'KOUMAC', 'Fête'])
          for (const page of [1, 2, 3])
            out.push({
              ...(partnerId ? { partnerId } : {}),
              ...(status ? { status } : {}),
              ...(type ? { type } : {}),
              ...(q ? { q } : {}),
              page,
              limit: 7,
            });
  for (const sourceId of ['koumac-src-0', 'noumea-src-2', 'elsewhere'])
    out.push({ partnerId: 'koumac', sourceId }, { sourceId, status: 'published' });
  return out;
}

async function expectSameAsDatabase(list = queries()): Promise<void> {
  for (const query of list) expect(await fromMemory(query), JSON.stringify(query)).toEqual(await fromDatabase(query));
}

beforeAll(async () => {
  uri = await connectTestDatabase('listing');
  await seedPartners();
  await insertItems(fixtures());
  site = await startLoopbackServer();
});
afterAll(async () => {
  closeItemListing();
  for (const hub of hubs) hub.stop();
  await site?.close();
  await dropTestDatabase();
});

// Each comparison asks the database about 220 queries (a scan each on FerretDB): seconds
// on a quiet machine, tens of seconds on a loaded one.
describe('the console listing in memory', { timeout: 120_000 }, () => {
  it('lists what the database holds: every status, filters, order, pages and totals', async () => {
    const all = await listPartnerItems({ limit: 100 });
    expect(all.total).toBe(44);
    // Undated last, as the database sorts a missing date when newest come first.
    expect(all.items.at(-1)?._id).toBe('item-40');
    await expectSameAsDatabase();
  });

  it('gives titles by id from memory, and reads by id an item it does not hold yet', async () => {
    await insertItems([{ id: 'late-1', partnerId: 'koumac', title: 'Inséré sans annonce' }]);
    const titles = await findItemTitles(['item-01', 'late-1', 'nowhere', 'item-01']);
    expect([...titles.keys()].sort()).toEqual(['item-01', 'late-1']);
    expect(titles.get('late-1')?.title).toBe('Inséré sans annonce');
    expect(titles.get('item-01')?.title).toBe(`${TITLES[1]} 1`);
    await ItemModel.deleteOne({ _id: 'late-1' });
  });

  it('ignores case and accents in the words of the title', async () => {
    const ids = (await listPartnerItems({ q: 'MARCHE', limit: 100 })).items.map((i) => i.title);
    expect(ids.some((t) => t.startsWith('Le Marché'))).toBe(true);
    expect(ids.some((t) => t.startsWith('MARCHE nocturne'))).toBe(true);
    expect(ids.some((t) => t.startsWith('marché aux puces'))).toBe(true);
    expect((await listPartnerItems({ q: 'fete', limit: 100 })).total).toBe(
      (await listPartnerItems({ q: 'Fête', limit: 100 })).total,
    );
  });

  it('shows this process’s withdrawal and restoration at once, before any change-log entry', async () => {
    await withdrawItem('item-04');
    const withdrawn = (await listPartnerItems({ partnerId: 'koumac', status: 'withdrawn', limit: 100 })).items;
    expect(withdrawn.find((i) => i._id === 'item-04')).toMatchObject({ status: 'withdrawn', withdrawnBy: 'agent' });
    await expectSameAsDatabase();
    await restoreItem('item-04');
    const item = (await listPartnerItems({ partnerId: 'koumac', q: 'publique 4', limit: 100 })).items;
    expect(item).toHaveLength(1);
    expect(item[0]).toMatchObject({ _id: 'item-04', status: 'published' });
    expect(item[0]!.withdrawnBy).toBeUndefined();
    await bumpItemsVersion();
    await expectSameAsDatabase();
  });

  it('applies another hub’s ingestion and withdrawals from the change log', async () => {
    site.route('/actus.rss', serve(makeRss(numberedEntries(6)), 'application/rss+xml'));
    const other = await startHubProcess({
      MONGODB_URI: uri,
      ADMIN_TOKEN: TOKEN,
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_SECONDS: '1',
      SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    });
    hubs.push(other);
    const source = await createSource({
      partnerId: 'noumea',
      kind: 'feed',
      url: `${site.origin}/actus.rss`,
      schedule: '0 6 * * *',
      complete: true,
    });
    // The poll reads the log once a second; the run itself takes a few on a loaded machine.
    await expect
      .poll(async () => (await listPartnerItems({ sourceId: source._id })).total, { timeout: 30_000, interval: 200 })
      .toBe(6);
    expect((await countPublishedBySource('noumea')).get(source._id)).toBe(6);
    // The sources listed from memory follow the other hub's run (its state written there).
    await expect
      .poll(
        async () => (await listSources({ partnerId: 'noumea' })).find((s) => s._id === source._id)?.state.lastRunAt,
        {
          timeout: 10_000,
          interval: 200,
        },
      )
      .toBeDefined();
    await expectSameAsDatabase([...queries(), { sourceId: source._id }, { partnerId: 'noumea', q: 'numéro 3' }]);

    // Two entries leave the feed: the other hub's next run withdraws them.
    site.route('/actus.rss', serve(makeRss(numberedEntries(4)), 'application/rss+xml'));
    // « Run now » answers with the first run while the other hub has not released the source yet.
    let report: { trigger: string; counts: { withdrawn: number } } | undefined;
    await expect
      .poll(
        async () => {
          const res = await fetch(`${other.url}/api/v1/admin/sources/${source._id}/run`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}` },
          });
          report = res.status === 200 ? ((await res.json()) as typeof report) : undefined;
          return report?.trigger;
        },
        { timeout: 20_000, interval: 300 },
      )
      .not.toBe('schedule');
    expect(report!.counts.withdrawn).toBe(2);
    await expect
      .poll(async () => (await listPartnerItems({ sourceId: source._id, status: 'withdrawn' })).total, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(2);
    expect((await countPublishedBySource('noumea')).get(source._id)).toBe(4);
    await expectSameAsDatabase([{ sourceId: source._id }, { partnerId: 'noumea' }, { status: 'withdrawn', limit: 50 }]);
  });
});
