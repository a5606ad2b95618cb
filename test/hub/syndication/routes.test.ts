import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import Parser from 'rss-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../../schemas/index.js';
import { createSyndicationRouter, FeedCache, type FeedQuery, type OpmlSource } from '../../../hub/syndication/index.js';
import { SAMPLE_PARTNERS, sampleItems } from '../../fixtures/syndication/sample-feed.js';

/** In-memory stand-ins for the database: the filters are just "partner" and "topic". */
const state = { version: 'v1', listCalls: 0, items: sampleItems() };
type Filters = { partner?: string; topic?: string };

function parseFilters(query: FeedQuery): Filters {
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  if (query.limit === 'nope') throw Object.assign(new Error('limit invalide'), { status: 400, expose: true });
  return { partner: pick(query.partner), topic: pick(query.topic) };
}

async function listItems(filters: Filters): Promise<{ items: Item[]; version: string }> {
  state.listCalls += 1;
  const items = state.items.filter(
    (i) =>
      (!filters.partner || i.partnerId === filters.partner) && (!filters.topic || i.topics.includes(filters.topic)),
  );
  return { items, version: state.version };
}

const SOURCES: OpmlSource[] = [
  { id: 's1', name: 'Actualités', kind: 'feed', url: 'https://www.province-sud.nc/rss.xml', partnerId: 'province-sud' },
];

/**
 * fetch() adds Cache-Control: no-cache to a request with validators (a reload, to which
 * ctx.fresh rightly gives the body); a feed reader sends none.
 */
const NO_RELOAD = { 'cache-control': 'max-age=0' };

let server: Server;
let base: string;

beforeAll(async () => {
  const router = createSyndicationRouter({
    listItems,
    parseFilters,
    getVersion: async () => state.version,
    getPartners: () => SAMPLE_PARTNERS,
    listActiveSources: async () => SOURCES,
    publicUrl: 'https://passerelle.example.nc',
    portalUrl: 'https://service-public.nc/actualites',
    websubHubUrl: 'https://websub.example.nc/',
    cache: new FeedCache({ maxEntries: 50 }),
  });
  const app = new Koa();
  app.silent = true;
  app.use(router.routes()).use(router.allowedMethods());
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  state.version = 'v1';
  state.listCalls = 0;
  state.items = sampleItems();
});

describe('syndication routes', () => {
  it.each([
    ['/feeds/items.rss', 'application/rss+xml; charset=utf-8'],
    ['/feeds/items.atom', 'application/atom+xml; charset=utf-8'],
    ['/feeds/items.json', 'application/feed+json; charset=utf-8'],
    ['/feeds/partners/province-sud.rss', 'application/rss+xml; charset=utf-8'],
    ['/feeds/sources.opml', 'text/x-opml; charset=utf-8'],
  ])('GET %s answers %s, cacheable', async (path, type) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await res.text()).length).toBeGreaterThan(100);
  });

  it('states the newest item as Last-Modified and the WebSub hub in a Link header', async () => {
    const res = await fetch(`${base}/feeds/items.atom`);
    expect(res.headers.get('last-modified')).toBe('Wed, 12 Mar 2025 21:30:00 GMT');
    expect(res.headers.get('link')).toBe(
      '<https://websub.example.nc/>; rel="hub", <https://passerelle.example.nc/feeds/items.atom>; rel="self"',
    );
  });

  it('answers 304 to a matching If-None-Match, and to If-Modified-Since', async () => {
    const first = await fetch(`${base}/feeds/items.rss`);
    const etag = first.headers.get('etag')!;
    const byTag = await fetch(`${base}/feeds/items.rss`, {
      headers: { 'if-none-match': `"other", W/${etag}`, ...NO_RELOAD },
    });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect(await byTag.text()).toBe('');
    const byDate = await fetch(`${base}/feeds/items.rss`, {
      headers: { 'if-modified-since': first.headers.get('last-modified')!, ...NO_RELOAD },
    });
    expect(byDate.status).toBe(304);
    const stale = await fetch(`${base}/feeds/items.rss`, {
      headers: { 'if-none-match': '"old"', 'if-modified-since': first.headers.get('last-modified')!, ...NO_RELOAD },
    });
    expect(stale.status).toBe(200);
  });

  it('renders once per data version, and again when it changes', async () => {
    const a = await fetch(`${base}/feeds/items.json?topic=culture`);
    const b = await fetch(`${base}/feeds/items.json?topic=culture`);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(state.listCalls).toBe(1);
    state.version = 'v2';
    state.items = state.items.map((i) => ({ ...i, title: `${i.title} (mis à jour)` }));
    const c = await fetch(`${base}/feeds/items.json?topic=culture`);
    expect(state.listCalls).toBe(2);
    expect(c.headers.get('etag')).not.toBe(a.headers.get('etag'));
  });

  it('filters by query and uses the canonical query as the self URL', async () => {
    const res = await fetch(`${base}/feeds/items.json?type=&topic=culture&utm=x`);
    const feed = (await res.json()) as { feed_url: string; items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(['noumea-fete-0002']);
    expect(feed.feed_url).toBe('https://passerelle.example.nc/feeds/items.json?topic=culture&utm=x');
  });

  it("serves one partner's feed, whatever ?partner= says", async () => {
    const res = await fetch(`${base}/feeds/partners/ville-noumea.rss?partner=province-sud`);
    const feed = await new Parser().parseString(await res.text());
    expect(feed.title).toBe('Ville de Nouméa — Passerelle');
    expect(feed.items.map((i) => i.guid)).toEqual(['noumea-fete-0002']);
    expect(feed.feedUrl).toBe('https://passerelle.example.nc/feeds/partners/ville-noumea.rss');
  });

  it('answers 404 for an unknown partner or format, and lets parseFilters refuse input', async () => {
    expect((await fetch(`${base}/feeds/partners/inconnu.rss`)).status).toBe(404);
    expect((await fetch(`${base}/feeds/items.xml`)).status).toBe(404);
    expect((await fetch(`${base}/feeds/items.rss?limit=nope`)).status).toBe(400);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${base}/feeds/items.rss`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });

  it('serves the OPML with an ETag and 304', async () => {
    const res = await fetch(`${base}/feeds/sources.opml`);
    const body = await res.text();
    expect(body).toContain('xmlUrl="https://passerelle.example.nc/feeds/partners/province-sud.rss"');
    const again = await fetch(`${base}/feeds/sources.opml`, {
      headers: { 'if-none-match': res.headers.get('etag')!, ...NO_RELOAD },
    });
    expect(again.status).toBe(304);
  });
});
