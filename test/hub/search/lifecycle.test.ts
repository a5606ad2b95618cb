/** Index lifecycle: serialization round-trip and the worker-thread build. */
import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildInWorker,
  buildSearchIndex,
  loadSearchIndex,
  loadSearchIndexAsync,
  searchItems,
  serializeSearchIndex,
  suggest,
  type SearchParams,
} from '../../../hub/search/index.js';
import { buildNewsIndex, NC_NEWS, PARTNERS } from './corpus.js';

const SEARCHES: SearchParams[] = [
  {},
  { q: 'Kaala Gomen' },
  { q: 'equipemnt' },
  { q: 'noumea', sort: 'date' },
  { q: 'fête', province: ['sud', 'iles'], limit: 2, page: 2 },
  { commune: ['98818'], from: new Date('2024-06-01T00:00:00Z') },
  { type: ['news'], topic: ['transports'] },
];

describe('serializeSearchIndex / loadSearchIndex', () => {
  const original = buildNewsIndex();
  const serialized = serializeSearchIndex(original);

  it('is gzip-compressed', () => {
    expect(serialized[0]).toBe(0x1f);
    expect(serialized[1]).toBe(0x8b);
  });

  it.each(SEARCHES)('gives the same results after a round trip: %o', (params) => {
    const loaded = loadSearchIndex(serialized);
    expect(searchItems(loaded, params)).toEqual(searchItems(original, params));
  });

  it('keeps size, build date, suggestions and the vocabulary', () => {
    const loaded = loadSearchIndex(serialized);
    expect(loaded.size).toBe(original.size);
    expect(loaded.builtAt).toBe(original.builtAt);
    expect(suggest(loaded, 'pir')).toEqual(suggest(original, 'pir'));
    expect(loaded.vocabulary.words).toEqual(original.vocabulary.words);
  });

  it('loads asynchronously to the same index, yielding to the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const loaded = await loadSearchIndexAsync(serialized);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    for (const params of SEARCHES) expect(searchItems(loaded, params)).toEqual(searchItems(original, params));
  });

  it('loads an already gunzipped buffer and a Uint8Array', () => {
    const raw = gunzipSync(serialized);
    expect(loadSearchIndex(raw).size).toBe(original.size);
    expect(loadSearchIndex(new Uint8Array(serialized)).size).toBe(original.size);
  });

  it('refuses something that is not a serialized index', () => {
    expect(() => loadSearchIndex(gzipSync(Buffer.from('{"a":1}')))).toThrow(/^search: /);
    expect(() => loadSearchIndex(serialized.subarray(0, serialized.length - 20))).toThrow();
  });

  it('refuses, with a clear error, an index stored in an older format (the caller rebuilds)', async () => {
    const header = Buffer.from(
      JSON.stringify({ format: 'passerelle-search-index', version: 2, builtAt: '2024-01-01T00:00:00Z' }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const older = gzipSync(Buffer.concat([length, header]));
    expect(() => loadSearchIndex(older)).toThrow(
      /^search: serialized index format version 2 is not supported \(expected \d+\); rebuild the index$/,
    );
    await expect(loadSearchIndexAsync(older)).rejects.toThrow(/^search: serialized index format version 2/);
  });

  it('serializes an empty index', () => {
    const empty = loadSearchIndex(serializeSearchIndex(buildSearchIndex([], {})));
    expect(searchItems(empty, { q: 'test' })).toMatchObject({ total: 0, items: [] });
    expect(searchItems(empty, {})).toMatchObject({ total: 0, items: [] });
  });
});

describe('buildInWorker', () => {
  it('builds in a worker thread an index equivalent to a main-thread build', async () => {
    const serialized = await buildInWorker(NC_NEWS, new Map(Object.entries(PARTNERS)));
    const fromWorker = loadSearchIndex(serialized);
    const local = buildNewsIndex();
    for (const params of SEARCHES) expect(searchItems(fromWorker, params)).toEqual(searchItems(local, params));
  }, 30_000);

  it('rejects with a search: error when the build fails', async () => {
    const broken = [null] as unknown as typeof NC_NEWS; // throws inside the worker
    await expect(buildInWorker(broken, {})).rejects.toThrow(/^search: index build failed: /);
  }, 30_000);
});
