import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECTOR_KINDS,
  ConnectorError,
  getConnector,
  previewConnector,
  runConnector,
  type ConnectorSource,
  type Fetcher,
} from '../../connectors/index.js';
import { makeSource, readFixture } from './helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from './helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
  server.route(
    '/rss2.xml',
    serve(readFixture('feed/rss2.xml'), 'application/rss+xml', { 'cache-control': 'max-age=600' }),
  );
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('registry', () => {
  it('has a connector for every source kind, with the three stages', () => {
    expect(CONNECTOR_KINDS.sort()).toEqual(['comarquage', 'feed', 'json-api']);
    for (const kind of CONNECTOR_KINDS) {
      const connector = getConnector(kind);
      expect(connector.kind).toBe(kind);
      expect([typeof connector.fetch, typeof connector.parse, typeof connector.map]).toEqual([
        'function',
        'function',
        'function',
      ]);
    }
  });

  it('refuses an unknown kind (bad_config)', () => {
    expect(() => getConnector('ftp')).toThrow(ConnectorError);
  });

  it('runs the stages one by one, as runConnector does', async () => {
    const connector = getConnector('feed');
    const source = makeSource('feed', `${server.origin}/rss2.xml`);
    const body = await connector.fetch(source, { fetcher });
    const mapped = connector.map(await connector.parse(body, { source }), { source });
    expect(mapped.items).toHaveLength(3);
  });
});

describe('runConnector', () => {
  it('reports cache hints from the response and the feed', async () => {
    const result = await runConnector(makeSource('feed', `${server.origin}/rss2.xml`), { fetcher });
    expect(result.cacheHints).toEqual({
      maxAgeSeconds: 600,
      ttlSeconds: 3600,
      bodyHash: expect.stringMatching(/^[a-f0-9]{64}$/),
    });
  });

  it.each([
    ['an unknown kind', { kind: 'ftp' as ConnectorSource['kind'] }, /unknown source kind/],
    ['an empty id', { id: '' }, /id: 1 to 64 characters/],
    ['a partnerId that is not a slug', { partnerId: 'Province Sud' }, /partnerId: not a slug/],
    ['invalid defaults', { defaults: { type: 'blog' } as unknown as ConnectorSource['defaults'] }, /defaults\.type/],
    ['a non-HTTP URL', { url: 'file:///etc/passwd' }, /only http and https/],
  ])('refuses %s (bad_config)', async (_name, change, message) => {
    const source = { ...makeSource('feed', `${server.origin}/rss2.xml`), ...change };
    await expect(runConnector(source, { fetcher })).rejects.toMatchObject({
      code: 'bad_config',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a source on a private address that is not allowed (forbidden_address)', async () => {
    await expect(runConnector(makeSource('feed', 'http://192.168.1.20/rss.xml'), { fetcher })).rejects.toMatchObject({
      code: 'forbidden_address',
    });
  });

  it('turns a 404 into http_4xx with its status', async () => {
    await expect(runConnector(makeSource('feed', `${server.origin}/absent.xml`), { fetcher })).rejects.toMatchObject({
      code: 'http_4xx',
      httpStatus: 404,
    });
  });
});

describe('previewConnector', () => {
  it('runs an unsaved source without validators, keeping at most `limit` items', async () => {
    const { id: _id, ...unsaved } = makeSource('feed', `${server.origin}/rss2.xml`);
    const before = server.requests.length;
    const result = await previewConnector(unsaved, { fetcher, limit: 2 });
    expect(result.items).toHaveLength(2);
    expect(result.fetched).toBe(4);
    expect(result.items[0]?.sourceId).toBe('preview');
    expect(server.requests[before]?.headers['if-none-match']).toBeUndefined();
  });
});
