/**
 * Conditional GET of the feeds (RFC 9110 §13), answered by Koa's ctx.fresh against the
 * ETag and Last-Modified the route sets: 304 with no body when the client's copy holds.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyndicationRouter, FeedCache } from '../../../hub/syndication/index.js';
import { SAMPLE_PARTNERS, sampleItems } from '../../fixtures/syndication/sample-feed.js';

let server: Server;
let base: string;
let etag: string;
let lastModified: string;

function shift(httpDate: string, seconds: number): string {
  return new Date(Date.parse(httpDate) + seconds * 1000).toUTCString();
}

beforeAll(async () => {
  const router = createSyndicationRouter({
    listItems: async () => ({ items: sampleItems(), version: 'v1' }),
    parseFilters: () => ({}),
    getVersion: async () => 'v1',
    getPartners: () => SAMPLE_PARTNERS,
    listActiveSources: async () => [],
    publicUrl: 'https://passerelle.example.nc',
    cache: new FeedCache({ maxEntries: 10 }),
  });
  const app = new Koa();
  app.silent = true;
  app.use(router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = await fetch(`${base}/feeds/items.rss`);
  etag = first.headers.get('etag')!;
  lastModified = first.headers.get('last-modified')!;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('conditional GET of a feed', () => {
  it('gives validators to conditional requests', () => {
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
  });

  it.each<[string, (tag: string, date: string) => Record<string, string>, number]>([
    ['no validators', () => ({}), 200],
    ['matching tag', (tag) => ({ 'If-None-Match': tag }), 304],
    ['matching weak tag (weak comparison)', (tag) => ({ 'If-None-Match': `W/${tag.replace(/^W\//, '')}` }), 304],
    ['other tag', () => ({ 'If-None-Match': '"zzz"' }), 200],
    ['list containing the tag', (tag) => ({ 'If-None-Match': `"x", W/"y" ,${tag}` }), 304],
    ['list without the tag', () => ({ 'If-None-Match': '"x", "y"' }), 200],
    ['star', () => ({ 'If-None-Match': '*' }), 304],
    ['tag that only starts like ours', (tag) => ({ 'If-None-Match': tag.replace(/"$/, '4"') }), 200],
    ['If-Modified-Since equal to Last-Modified', (_t, date) => ({ 'If-Modified-Since': date }), 304],
    ['If-Modified-Since later', (_t, date) => ({ 'If-Modified-Since': shift(date, 3600) }), 304],
    ['If-Modified-Since earlier', (_t, date) => ({ 'If-Modified-Since': shift(date, -1) }), 200],
    ['If-Modified-Since garbage is ignored', () => ({ 'If-Modified-Since': 'hier' }), 200],
    [
      'If-None-Match mismatch wins over a satisfied If-Modified-Since',
      (_t, date) => ({ 'If-None-Match': '"old"', 'If-Modified-Since': shift(date, 3600) }),
      200,
    ],
    [
      'a reload (Cache-Control: no-cache) gets the body',
      (tag) => ({ 'If-None-Match': tag, 'Cache-Control': 'no-cache' }),
      200,
    ],
  ])('%s → %s', async (_name, headers, status) => {
    // fetch() would add Cache-Control: no-cache (a reload) to a request with validators; a feed reader sends none.
    const res = await fetch(`${base}/feeds/items.rss`, {
      headers: { 'Cache-Control': 'max-age=0', ...headers(etag, lastModified) },
    });
    expect(res.status).toBe(status);
    if (status === 304) expect(await res.text()).toBe('');
    else expect(await res.text()).toContain('<rss');
  });
});
