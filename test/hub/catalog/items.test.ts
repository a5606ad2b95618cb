import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';

type Listing = {
  total: number;
  page: number;
  limit: number;
  items: { id: string; partner: { name: string }; snippet: string; stats: { likes: number } }[];
  facets: Record<string, Record<string, number>>;
};

let hub: TestHub;
const get = async (path: string) => {
  const res = await hub.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Listing;
};

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'catalog' });
  await insertItems(CATALOG_FIXTURES);
  await insertItems([
    { id: 'withdrawn-1', partnerId: 'noumea', title: 'Piscine : ancienne annonce retirée', status: 'withdrawn' },
  ]);
  await hub.services.catalog.search.refresh();
});
afterAll(() => hub.stop());

describe('GET /api/v1/items', () => {
  it('lists the newest published items first when the query is empty', async () => {
    const body = await get('/api/v1/items');
    expect(body.total).toBe(CATALOG_FIXTURES.length);
    expect(body.items[0]?.id).toBe('hc-elections');
    expect(body.items.map((i) => i.id)).not.toContain('withdrawn-1');
    expect(body.items[0]?.partner.name).toBe('Haut-commissariat de la République en Nouvelle-Calédonie');
  });

  it('finds French text without accents or case, with a marked snippet', async () => {
    const body = await get('/api/v1/items?q=PISCINE%20reouverture');
    expect(body.items[0]?.id).toBe('noumea-piscine');
    expect(body.items[0]?.snippet).toContain('<mark>');
    expect(body.items.map((i) => i.id)).not.toContain('withdrawn-1');
  });

  it('finds place names by any part', async () => {
    expect((await get('/api/v1/items?q=ile%20des%20pins')).items[0]?.id).toBe('idp-eau');
    expect((await get('/api/v1/items?q=mont-dore')).items[0]?.id).toBe('montdore-dechets');
  });

  it('gives facet counts equal to what the filtered query returns, and combines filters', async () => {
    const all = await get('/api/v1/items?q=emploi');
    for (const [partner, count] of Object.entries(all.facets.partner ?? {})) {
      expect((await get(`/api/v1/items?q=emploi&partner=${partner}`)).total).toBe(count);
    }
    const types = await get('/api/v1/items');
    for (const [type, count] of Object.entries(types.facets.type ?? {}))
      expect((await get(`/api/v1/items?type=${type}`)).total).toBe(count);
    const combined = await get('/api/v1/items?partner=province-sud&topic=sante');
    expect(combined.items.map((i) => i.id)).toEqual(['sud-emploi-2']);
    expect((await get('/api/v1/items?type=job,event')).total).toBe(3);
  });

  it('paginates', async () => {
    const page2 = await get('/api/v1/items?limit=3&page=2');
    expect(page2).toMatchObject({ page: 2, limit: 3, total: CATALOG_FIXTURES.length });
    expect(page2.items).toHaveLength(3);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    ['page=0', 'page'],
    ['type=gossip', 'type'],
    ['from=hier', 'from'],
    ['commune=12345', 'commune'],
    ['sort=random', 'sort'],
    ['types=event', 'types'],
    ['callback=x', 'callback'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await hub.request(`/api/v1/items?${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });

  it('searches a 1,000-character query cut at a word, saying so', async () => {
    const q = `permis de conduire ${'et encore quelques mots collés depuis un courriel '.repeat(20)}`.slice(0, 1000);
    const res = await hub.request(`/api/v1/items?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; queryTruncated?: boolean; truncatedQuery?: string };
    expect(body.queryTruncated).toBe(true);
    expect(q.startsWith(body.truncatedQuery!)).toBe(true);
    expect(body.total).toBeGreaterThan(0);
    const plain = (await get('/api/v1/items?q=permis')) as { queryTruncated?: boolean };
    expect(plain.queryTruncated).toBeUndefined();
  });

  it.each(['rdv 14:30', 'permis^', 'a~', '+', '*', '-', ':', '"\'(', '%00%01'])(
    'never fails on user text %s',
    async (q) => {
      const res = await hub.request(`/api/v1/items?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
    },
  );

  it('shows current likes, not those of the index build', async () => {
    const visitor = { 'Passerelle-Visitor': 'visitor-0123456789abcdefghij' };
    expect((await hub.request('/api/v1/items/gouv-permis/likes', { method: 'POST', headers: visitor })).status).toBe(
      200,
    );
    const body = await get('/api/v1/items?q=permis');
    expect(body.items.find((i) => i.id === 'gouv-permis')?.stats.likes).toBe(1);
    expect((await ItemModel.findById('gouv-permis').lean())?.stats.likes).toBe(1);
  });
});

describe('GET /api/v1/items/:id and /api/v1/suggest', () => {
  it('returns one published item with its partner, 404 for withdrawn or unknown ones', async () => {
    const res = await hub.request('/api/v1/items/cafat-retraite');
    expect(await res.json()).toMatchObject({
      id: 'cafat-retraite',
      partner: { id: 'cafat', name: expect.stringContaining('CAFAT') },
      status: 'published',
    });
    expect((await hub.request('/api/v1/items/withdrawn-1')).status).toBe(404);
    expect((await hub.request('/api/v1/items/nope')).status).toBe(404);
  });

  it('completes words and titles as the user types', async () => {
    const res = await hub.request('/api/v1/suggest?q=retr');
    const body = (await res.json()) as { suggestions: { text: string; kind: string; itemId?: string }[] };
    expect(body.suggestions.some((s) => s.kind === 'term' && /retraite/.test(s.text))).toBe(true);
    expect(body.suggestions.some((s) => s.kind === 'title' && s.itemId === 'cafat-retraite')).toBe(true);
    expect((await hub.request('/api/v1/suggest?q=x&limit=99')).status).toBe(400);
  });
});

describe('index lifecycle', () => {
  it("follows a partner's new name in search and listings", async () => {
    const res = await hub.request('/api/v1/admin/partners/cafat', {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { name: 'Caisse de protection sociale Cagou' },
    });
    expect(res.status).toBe(200);
    await hub.services.catalog.search.refresh();
    const body = await get('/api/v1/items?q=cagou');
    expect(body.items.map((i) => i.id)).toEqual(['cafat-retraite']);
    expect(body.items[0]?.partner.name).toBe('Caisse de protection sociale Cagou');
  });

  it('loads the stored index in a second hub process instead of rebuilding', async () => {
    const { createSearchRuntime } = await import('../../../hub/catalog/search-runtime.js');
    const { PartnerDirectory } = await import('../../../hub/catalog/partner-directory.js');
    const { createLogger } = await import('../../../hub/log.js');
    const runtime = createSearchRuntime({ log: createLogger('silent'), partners: new PartnerDirectory() });
    let builds = 0;
    const original = runtime.service.rebuildNow.bind(runtime.service);
    runtime.service.rebuildNow = () => ((builds += 1), original());
    await runtime.start();
    runtime.stop();
    expect(builds).toBe(0);
    expect(runtime.service.search({ q: 'festival' }).items[0]?.id).toBe('nord-festival');
  });

  it('rebuilds instead of failing when the stored index is unreadable (written by another version)', async () => {
    const { createSearchRuntime } = await import('../../../hub/catalog/search-runtime.js');
    const { PartnerDirectory } = await import('../../../hub/catalog/partner-directory.js');
    const { saveStoredIndex } = await import('../../../hub/catalog/index-store.js');
    const { getItemsVersion } = await import('../../../hub/items/index.js');
    const { createLogger } = await import('../../../hub/log.js');
    await saveStoredIndex(await getItemsVersion(), Buffer.from('{"format":"from another version"}'));
    const runtime = createSearchRuntime({ log: createLogger('silent'), partners: new PartnerDirectory() });
    await runtime.start();
    runtime.stop();
    expect(runtime.service.search({ q: 'festival' }).items[0]?.id).toBe('nord-festival');
  });

  it('keeps answering during rebuilds: no error and no empty result for a query that matched', async () => {
    let stop = false;
    const failures: string[] = [];
    const loop = (async () => {
      while (!stop) {
        const res = await hub.request('/api/v1/items?q=festival');
        const body = (await res.json()) as Listing;
        if (res.status !== 200 || body.total === 0) failures.push(`${res.status} ${body.total}`);
      }
    })();
    for (let i = 0; i < 5; i += 1) {
      await insertItems([{ id: `extra-${i}`, partnerId: 'koumac', title: `Marché de Koumac n° ${i}` }]);
      await hub.services.catalog.search.refresh();
    }
    stop = true;
    await loop;
    expect(failures).toEqual([]);
    expect((await get('/api/v1/items?q=koumac')).total).toBe(5);
  });
});
