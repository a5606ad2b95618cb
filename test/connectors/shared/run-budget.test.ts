/** Budgets of one run: bytes over all pages, entries taken; the listing is then not complete. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRunLimit, runConnector, type ConnectorSource, type Fetcher } from '../../../connectors/index.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';
import { makeSource } from '../helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;
const PAGES = 200;
const PAGE_ITEMS = 50;

/** A page of about 100 KB: 50 events with a long description, and a link to the next page. */
function page(n: number): string {
  const items = Array.from({ length: PAGE_ITEMS }, (_, i) => ({
    id: `p${n}-${i}`,
    titre: `Événement ${n}-${i}`,
    url: `https://www.noumea.nc/agenda/p${n}-${i}`,
    description: 'x'.repeat(2_000),
  }));
  return JSON.stringify({ items, next: n < PAGES ? `/pages?n=${n + 1}` : null });
}

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
  server.route('/pages', (_req, res, url) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(page(Number(url.searchParams.get('n') ?? 1)));
  });
  server.route('/big.rss', serve(makeRss(numberedEntries(120)), 'application/rss+xml'));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const pagedSource = (): ConnectorSource =>
  makeSource('json-api', `${server.origin}/pages?n=1`, {
    complete: true,
    defaults: { type: 'news', territory: { scope: 'province', province: 'sud' } },
    mapping: {
      itemsPath: 'items',
      pagination: { type: 'next', nextPath: 'next', maxPages: 200 },
      fields: { guid: 'id', title: 'titre', url: 'url', summary: 'description' },
    },
  });

describe('the byte budget of a run', () => {
  it('stops a 200-page API once the run has read its bytes, keeping the pages read', async () => {
    const before = server.requests.length;
    const maxBytes = 1024 * 1024;
    const result = await runConnector(pagedSource(), { fetcher, budget: { maxBytes } });
    const pagesRead = server.requests.length - before;
    // About ten pages of ~100 KB fit; the page that would pass the budget is cut and dropped.
    expect(pagesRead).toBeGreaterThan(5);
    expect(pagesRead).toBeLessThan(15);
    expect(result.stoppedBy).toBe('max_bytes');
    expect(result.complete).toBe(false);
    expect(result.items.length).toBe((pagesRead - 1) * PAGE_ITEMS);
    const notice = describeRunLimit(result, { maxBytes });
    expect(notice).toMatchObject({ code: 'max_bytes' });
    expect(notice?.message).toContain('1 Mio');
  });
});

describe('the item budget of a run', () => {
  it('takes the first entries of a long feed and says how many were left', async () => {
    const source = makeSource('feed', `${server.origin}/big.rss`, { complete: true });
    const result = await runConnector(source, { fetcher, budget: { maxItems: 100 } });
    expect(result.items.map((i) => i.guid)).toEqual(numberedEntries(100).map((e) => e.guid));
    expect(result).toMatchObject({ stoppedBy: 'max_items', omitted: 20, complete: false });
    expect(describeRunLimit(result, { maxItems: 100 })?.message).toMatch(
      /plus de 100 contenus.*les 100 premiers ont été pris, 20 laissés de côté/,
    );
  });

  it('is silent when the listing fits', async () => {
    const source = makeSource('feed', `${server.origin}/big.rss`, { complete: true });
    const result = await runConnector(source, { fetcher, budget: { maxItems: 120 } });
    expect(result).toMatchObject({ complete: true });
    expect(result.stoppedBy).toBeUndefined();
    expect(describeRunLimit(result, { maxItems: 120 })).toBeUndefined();
  });
});
