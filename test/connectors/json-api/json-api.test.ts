import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, runConnector, type ConnectorSource, type Fetcher } from '../../../connectors/index.js';
import { validateAgainst, type JsonApiMapping } from '../../../schemas/index.js';
import { makeSource, readFixture } from '../helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

/** The mapping documented in connectors/json-api/README.md (its ```json mapping block). */
function readDocumentedMapping(): JsonApiMapping {
  const readme = readFileSync(new URL('../../../connectors/json-api/README.md', import.meta.url), 'utf8');
  const block = /```json mapping\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no json mapping block');
  return JSON.parse(block) as JsonApiMapping;
}

const agenda = JSON.parse(readFixture('json-api/agenda.json').toString('utf8')) as {
  meta: unknown;
  data: { evenements: unknown[] };
};
const all = agenda.data.evenements;
const defaults: ConnectorSource['defaults'] = { type: 'news', territory: { scope: 'province', province: 'sud' } };

let server: LoopbackServer;
let fetcher: Fetcher;
let inFlight = 0;
let maxInFlight = 0;

/** Answers after a short delay, counting concurrent requests (pagination must be sequential). */
function reply(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  setTimeout(() => {
    inFlight--;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  }, 15);
}

function envelope(items: unknown[], extra: Record<string, unknown> = {}) {
  return { meta: agenda.meta, data: { evenements: items }, ...extra };
}

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
  server.route('/agenda', (_req, res, url) => {
    const size = Number(url.searchParams.get('limit') ?? 3);
    const start = url.searchParams.has('offset')
      ? Number(url.searchParams.get('offset'))
      : (Number(url.searchParams.get('page') ?? 1) - 1) * size;
    reply(res, envelope(all.slice(start, start + size)));
  });
  server.route('/agenda-next', (_req, res, url) => {
    const cursor = Number(url.searchParams.get('cursor') ?? 0);
    const next = cursor + 3 < all.length ? `agenda-next?cursor=${cursor + 3}` : null;
    reply(res, envelope(all.slice(cursor, cursor + 3), { links: { next } }));
  });
  server.route('/agenda-link', (_req, res, url) => {
    const page = Number(url.searchParams.get('p') ?? 1);
    const link: Record<string, string> =
      page * 3 < all.length
        ? {
            link: `<${server.origin}/agenda-link?p=${page + 1}>; rel="next", <${server.origin}/agenda-link?p=1>; rel="first"`,
          }
        : {};
    reply(res, envelope(all.slice((page - 1) * 3, page * 3)), link);
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

function source(
  path: string,
  mapping: Partial<JsonApiMapping> = {},
  extra: Partial<ConnectorSource> = {},
): ConnectorSource {
  return makeSource('json-api', `${server.origin}${path}`, {
    defaults,
    complete: true,
    mapping: { ...readDocumentedMapping(), ...mapping },
    ...extra,
  });
}

function requestsTo(path: string): string[] {
  return server.requests.filter((r) => r.path.startsWith(`${path}?`) || r.path === path).map((r) => r.path);
}

describe('json-api: the documented mapping', () => {
  it('is a valid JsonApiMapping', () => {
    expect(validateAgainst('SourceInput#/definitions/JsonApiMapping', readDocumentedMapping())).toEqual([]);
  });

  it('maps every field of an item', async () => {
    const { items } = await runConnector(source('/agenda'), { fetcher });
    const futsal = items.find((i) => i.guid === '101');
    expect(futsal).toMatchObject({
      url: 'https://www.ville-dumbea.nc/agenda/tournoi-futsal-quartiers',
      title: 'Tournoi de futsal des quartiers',
      summary: "Douze équipes de jeunes s'affrontent au complexe de Koutio.",
      type: 'event',
      topics: ['sport', 'jeunesse'],
      audience: ['particuliers'],
      territory: { scope: 'commune', communes: ['98805'] },
      publishedAt: '2026-11-29T03:30:00.000Z',
      event: {
        start: '2026-12-04T21:00:00.000Z',
        end: '2026-12-05T06:00:00.000Z',
        place: 'Complexe sportif de Koutio',
      },
      image: { url: `${server.origin}/media/futsal.jpg`, alt: 'Joueurs de futsal' },
    });
    expect(futsal?.content).toContain(
      '<a href="https://www.ville-dumbea.nc/services/sports" rel="noopener noreferrer">',
    );
  });

  it('prefers the given URL to the template, reads strings as lists, falls back on source defaults', async () => {
    const { items } = await runConnector(source('/agenda'), { fetcher });
    expect(items.find((i) => i.guid === '102')).toMatchObject({
      url: 'https://www.ville-dumbea.nc/evenements/marche-nocturne-decembre',
      topics: ['animation', 'commerce'],
      event: { place: 'Place du marché, Dumbéa-sur-Mer' },
      territory: { scope: 'commune', communes: ['98805'] },
    });
    expect(items.find((i) => i.guid === '106')).toMatchObject({
      type: 'news',
      territory: { scope: 'province', province: 'sud' },
    });
  });
});

describe('json-api: pagination', () => {
  it('by page number with a size: stops on the short page, sequentially', async () => {
    maxInFlight = 0;
    const before = requestsTo('/agenda').length;
    const result = await runConnector(source('/agenda'), { fetcher });
    expect(requestsTo('/agenda').slice(before)).toEqual([
      '/agenda?page=1&limit=3',
      '/agenda?page=2&limit=3',
      '/agenda?page=3&limit=3',
    ]);
    expect(result.items.map((i) => i.guid)).toEqual(['101', '102', '103', '105', '106', '107']);
    expect(result.rejected).toEqual([
      { index: 3, guid: '104', reason: 'title: missing, and no text to derive one from', entry: expect.any(String) },
    ]);
    // The agent sees the API's own item, as the source gave it.
    expect(JSON.parse(result.rejected[0]!.entry!)).toMatchObject({ id: 104 });
    expect(result).toMatchObject({ fetched: 7, complete: true });
    expect(maxInFlight).toBe(1);
  });

  it('by page number without a size: stops on the empty page', async () => {
    const before = requestsTo('/agenda').length;
    const result = await runConnector(source('/agenda', { pagination: { type: 'page' } }), { fetcher });
    expect(requestsTo('/agenda').slice(before)).toEqual([
      '/agenda?page=1',
      '/agenda?page=2',
      '/agenda?page=3',
      '/agenda?page=4',
    ]);
    expect(result.items).toHaveLength(6);
  });

  it('by offset, advancing by the items received', async () => {
    const before = requestsTo('/agenda').length;
    const pagination = { type: 'offset' as const, sizeParam: 'limit', size: 3 };
    const result = await runConnector(source('/agenda', { pagination }), { fetcher });
    expect(requestsTo('/agenda').slice(before)).toEqual([
      '/agenda?offset=0&limit=3',
      '/agenda?offset=3&limit=3',
      '/agenda?offset=6&limit=3',
    ]);
    expect(result.items).toHaveLength(6);
  });

  it('by a next link in the body, relative to the page', async () => {
    const before = requestsTo('/agenda-next').length;
    const result = await runConnector(
      source('/agenda-next', { pagination: { type: 'next', nextPath: 'links.next' } }),
      { fetcher },
    );
    expect(requestsTo('/agenda-next').slice(before)).toEqual([
      '/agenda-next',
      '/agenda-next?cursor=3',
      '/agenda-next?cursor=6',
    ]);
    expect(result).toMatchObject({ fetched: 7, complete: true });
  });

  it('by the Link header when no nextPath is given', async () => {
    const before = requestsTo('/agenda-link').length;
    const result = await runConnector(source('/agenda-link', { pagination: { type: 'next' } }), { fetcher });
    expect(requestsTo('/agenda-link').slice(before)).toEqual(['/agenda-link', '/agenda-link?p=2', '/agenda-link?p=3']);
    expect(result.items).toHaveLength(6);
  });

  it('stops at the page cap and then says the listing is not complete', async () => {
    const before = requestsTo('/agenda').length;
    const pagination = { type: 'page' as const, sizeParam: 'limit', size: 3, maxPages: 2 };
    const result = await runConnector(source('/agenda', { pagination }), { fetcher });
    expect(requestsTo('/agenda').slice(before)).toHaveLength(2);
    expect(result).toMatchObject({ fetched: 6, complete: false });
  });

  it('sends the conditional GET on the first page only, and stops on its 304', async () => {
    server.route('/agenda-etag', (req, res) => {
      if (req.headers['if-none-match'] === '"a1"') return void res.writeHead(304).end();
      reply(res, all, { etag: '"a1"' });
    });
    const plain = source('/agenda-etag', { itemsPath: '', pagination: undefined });
    const first = await runConnector(plain, { fetcher });
    expect(first.items).toHaveLength(6);
    const second = await runConnector(plain, { fetcher, cache: first.cacheHints });
    expect(second).toMatchObject({ notModified: true, httpStatus: 304, items: [], cacheHints: { etag: '"a1"' } });
  });
});

describe('json-api: failures', () => {
  async function failure(
    path: string,
    body: string,
    mapping: Partial<JsonApiMapping> = {},
    contentType = 'application/json',
  ): Promise<ConnectorError> {
    server.route(path, serve(body, contentType));
    const error = await runConnector(source(path, { pagination: undefined, ...mapping }), { fetcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }

  it('invalid JSON is bad_format', async () => {
    expect(await failure('/broken.json', '{"data": [')).toMatchObject({ code: 'bad_format' });
  });

  it('an itemsPath that is not an array is bad_format', async () => {
    const error = await failure('/object.json', '{"data": {"evenements": {"id": 1}}}');
    expect(error).toMatchObject({
      code: 'bad_format',
      message: 'json-api: itemsPath "data.evenements" is not an array',
    });
  });

  it('an HTML page instead of JSON is bad_format', async () => {
    expect(await failure('/page.html', '<!doctype html><p>Maintenance</p>', {}, 'text/html')).toMatchObject({
      code: 'bad_format',
    });
  });

  it('a source without mapping, or with an invalid one, is bad_config', async () => {
    const noMapping = makeSource('json-api', `${server.origin}/agenda`);
    await expect(runConnector(noMapping, { fetcher })).rejects.toMatchObject({ code: 'bad_config' });
    const bad = makeSource('json-api', `${server.origin}/agenda`, { mapping: { fields: {} } as JsonApiMapping });
    await expect(runConnector(bad, { fetcher })).rejects.toMatchObject({
      code: 'bad_config',
      message: expect.stringContaining('mapping.fields: requiert au moins l’un des champs : title, summary, content'),
    });
  });
});
