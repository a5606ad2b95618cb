import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FeedCache, normalizeQuery, renderFeed, type CacheableDocument } from '../../../hub/syndication/index.js';
import { sampleFeed } from '../../fixtures/syndication/sample-feed.js';

const NOW = new Date('2025-04-01T00:00:00Z');

function counting(body = 'corps') {
  const calls = { count: 0 };
  const render = (): CacheableDocument => {
    calls.count += 1;
    return { body: `${body} ${calls.count}`, updated: new Date('2025-03-12T21:30:00.750Z'), contentType: 'text/plain' };
  };
  return { calls, render };
}

describe('FeedCache', () => {
  it('renders once per key and version, and returns the same object', async () => {
    const cache = new FeedCache({ now: () => NOW });
    const { calls, render } = counting();
    const first = await cache.getOrRender('rss?topic=emploi', 'v1', render);
    const second = await cache.getOrRender('rss?topic=emploi', 'v1', render);
    expect(second).toBe(first);
    expect(calls.count).toBe(1);
  });

  it('renders again when the data version changes, and keeps one entry per key', async () => {
    const cache = new FeedCache({ now: () => NOW });
    const { calls, render } = counting();
    const v1 = await cache.getOrRender('rss', 'v1', render);
    const v2 = await cache.getOrRender('rss', 'v2', render);
    expect(calls.count).toBe(2);
    expect(v2).not.toBe(v1);
    expect(v2.body).toBe('corps 2');
    expect(v2.version).toBe('v2');
    expect(cache.size).toBe(1);
  });

  it('shares one render between concurrent requests', async () => {
    const cache = new FeedCache({ now: () => NOW });
    const { calls, render } = counting();
    const all = await Promise.all([1, 2, 3].map(() => cache.getOrRender('json', 'v1', render)));
    expect(calls.count).toBe(1);
    expect(new Set(all).size).toBe(1);
  });

  it('computes a strong SHA-256 ETag of the body and an HTTP-date Last-Modified', async () => {
    const cache = new FeedCache({ now: () => NOW });
    const doc = await cache.getOrRender('rss', 'v1', counting().render);
    expect(doc.etag).toBe(`"${createHash('sha256').update('corps 1').digest('base64url')}"`);
    expect(doc.etag).not.toMatch(/^W\//);
    expect(doc.lastModified).toBe('Wed, 12 Mar 2025 21:30:00 GMT');
  });

  it('never states a Last-Modified later than the render time', async () => {
    const cache = new FeedCache({ now: () => new Date('2025-01-01T00:00:00Z') });
    const doc = await cache.getOrRender('rss', 'v1', counting().render);
    expect(doc.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new FeedCache({ maxEntries: 2, now: () => NOW });
    const { calls, render } = counting();
    await cache.getOrRender('a', 'v1', render);
    await cache.getOrRender('b', 'v1', render);
    await cache.getOrRender('a', 'v1', render); // a is now the most recent
    await cache.getOrRender('c', 'v1', render); // evicts b
    expect(cache.size).toBe(2);
    expect(calls.count).toBe(3);
    await cache.getOrRender('a', 'v1', render);
    expect(calls.count).toBe(3);
    await cache.getOrRender('b', 'v1', render);
    expect(calls.count).toBe(4);
  });

  it('does not keep a failed render', async () => {
    const cache = new FeedCache({ now: () => NOW });
    await expect(cache.getOrRender('rss', 'v1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
    const { calls, render } = counting();
    await cache.getOrRender('rss', 'v1', render);
    expect(calls.count).toBe(1);
  });

  it('caches a real rendered feed: same ETag for the same data', async () => {
    const cache = new FeedCache();
    const a = await cache.getOrRender('atom', 'v1', () => renderFeed('atom', sampleFeed()));
    const b = await new FeedCache().getOrRender('atom', 'v1', () => renderFeed('atom', sampleFeed()));
    expect(b.etag).toBe(a.etag);
    expect(a.contentType).toBe('application/atom+xml; charset=utf-8');
  });
});

describe('normalizeQuery', () => {
  it.each([
    [{}, ''],
    [{ type: 'news', topic: 'emploi' }, 'topic=emploi&type=news'],
    [{ topic: ['sante', 'emploi', 'sante'] }, 'topic=emploi&topic=sante'],
    [{ q: '', partner: undefined, page: '2' }, 'page=2'],
    [{ q: 'fête & musique' }, 'q=f%C3%AAte+%26+musique'],
    [{ nested: { a: 1 }, n: 3 }, ''],
  ])('%j → %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });
});
