import Parser from 'rss-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_TYPES,
  getFeedDate,
  renderAtom,
  renderFeed,
  renderRss,
  type FeedFormat,
} from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItem, sampleItems } from '../../fixtures/syndication/sample-feed.js';
import { expectWellFormedXml } from './well-formed-xml.js';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

describe('renderFeed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(FORMATS)('%s is a pure function: same input, same bytes, whatever the clock', (format) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = renderFeed(format, sampleFeed()).body;
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = renderFeed(format, structuredClone(sampleFeed())).body;
    expect(second).toBe(first);
    expect(first).not.toContain('2030');
    expect(first).not.toContain('2031');
  });

  it.each(FORMATS)('%s changes when an item changes', (format) => {
    const items = sampleItems();
    items[2] = { ...items[2]!, title: 'Un autre titre' };
    expect(renderFeed(format, sampleFeed({ items })).body).not.toBe(renderFeed(format, sampleFeed()).body);
  });

  it('gives the content type and the date of each format', () => {
    const rendered = renderFeed('atom', sampleFeed());
    expect(rendered.contentType).toBe(CONTENT_TYPES.atom);
    expect(rendered.updated.toISOString()).toBe('2025-03-12T21:30:00.000Z');
    expect(CONTENT_TYPES).toEqual({
      rss: 'application/rss+xml; charset=utf-8',
      atom: 'application/atom+xml; charset=utf-8',
      json: 'application/feed+json; charset=utf-8',
      opml: 'text/x-opml; charset=utf-8',
    });
  });
});

describe('getFeedDate', () => {
  it.each([
    [
      'updatedAt wins over an older publishedAt',
      [{ publishedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-02-01T00:00:00Z' }],
      '2025-02-01T00:00:00.000Z',
    ],
    [
      'publishedAt when there is no updatedAt',
      [{ publishedAt: '2025-01-01T00:00:00Z' }, { publishedAt: '2024-12-01T00:00:00Z' }],
      '2025-01-01T00:00:00.000Z',
    ],
    [
      'newest of all items, not the first',
      [
        { publishedAt: '2024-01-01T00:00:00Z' },
        { publishedAt: '2024-06-01T00:00:00Z', updatedAt: '2024-07-01T00:00:00Z' },
      ],
      '2024-07-01T00:00:00.000Z',
    ],
    ['firstSeenAt when an item has no date', [{ firstSeenAt: '2024-05-05T05:05:05Z' }], '2024-05-05T05:05:05.000Z'],
  ])('%s', (_name, overrides, expected) => {
    const items = overrides.map((o, i) => sampleItem({ id: `item-${i}`, ...o }));
    expect(getFeedDate(sampleFeed({ items })).toISOString()).toBe(expected);
  });

  it('is meta.emptyDate, else the epoch, for an empty feed', () => {
    expect(getFeedDate(sampleFeed({ items: [] })).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(getFeedDate(sampleFeed({ items: [], meta: { emptyDate: '2025-01-01T00:00:00Z' } })).toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
  });

  it('is the date RSS and Atom state', () => {
    const items = [sampleItem({ publishedAt: '2024-06-01T00:00:00Z', updatedAt: '2024-07-01T10:20:30Z' })];
    expect(renderRss(sampleFeed({ items }))).toContain('<lastBuildDate>Mon, 01 Jul 2024 10:20:30 GMT</lastBuildDate>');
    expect(renderAtom(sampleFeed({ items }))).toMatch(
      /<feed [^>]*>\s*<id>[^<]*<\/id>\s*<title>[^<]*<\/title>\s*<updated>2024-07-01T10:20:30.000Z<\/updated>/,
    );
  });
});

describe('items that cannot be syndicated', () => {
  it('drops an item whose url is not http(s), keeps the others', () => {
    const items = [sampleItem({ id: 'bad-1', url: 'javascript:alert(1)' }), sampleItem({ id: 'good-1' })];
    const body = renderFeed('json', sampleFeed({ items })).body;
    expect((JSON.parse(body) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['good-1']);
  });

  it('drops a withdrawn item', () => {
    const items = [sampleItem({ id: 'gone-1', status: 'withdrawn' }), sampleItem({ id: 'here-1' })];
    const body = renderFeed('json', sampleFeed({ items })).body;
    expect((JSON.parse(body) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['here-1']);
  });

  it.each(FORMATS)('renders an empty %s feed, still valid', async (format) => {
    const { body } = renderFeed(format, sampleFeed({ items: [] }));
    if (format === 'json') {
      expect(JSON.parse(body)).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [] });
      return;
    }
    expectWellFormedXml(body);
    const feed = await new Parser().parseString(body);
    expect(feed.items).toEqual([]);
    expect(body).toMatch(
      format === 'rss' ? /<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</ : /<updated>1970-01-01T00:00:00.000Z</,
    );
  });

  it('refuses meta whose URLs are not http(s), naming the field', () => {
    expect(() => renderRss(sampleFeed({ meta: { alternateUrl: '/relative' } }))).toThrow(
      'syndication: meta.alternateUrl is not an http(s) URL',
    );
  });
});
