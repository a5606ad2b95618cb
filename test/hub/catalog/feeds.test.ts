import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../../hub/sources/index.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';

let hub: TestHub;
const parser = new Parser();

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'feeds' });
  await insertItems(CATALOG_FIXTURES);
  await createSource({
    partnerId: 'noumea',
    kind: 'feed',
    url: 'https://www.noumea.nc/rss',
    name: 'Actualités de Nouméa',
  });
  await hub.services.catalog.search.refresh();
});
afterAll(() => hub.stop());

describe('unified feeds', () => {
  it('serves RSS 2.0 that parses back with every item intact', async () => {
    const res = await hub.request('/feeds/items.rss');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<atom:link href="http://portal.test/feeds/items.rss" rel="self"');
    const feed = await parser.parseString(xml);
    expect(feed.items).toHaveLength(CATALOG_FIXTURES.length);
    const permis = feed.items.find((i) => i.title === "Permis de conduire : inscription à l'examen");
    expect(permis).toMatchObject({
      link: 'https://www.example.nc/gouvernement/gouv-permis',
      guid: expect.stringContaining('gouv-permis'),
    });
    expect(permis?.categories).toContain('transports');
  });

  it('serves Atom with xml:lang and JSON Feed 1.1 that validates', async () => {
    const atom = await (await hub.request('/feeds/items.atom')).text();
    expect(atom).toMatch(/<feed[^>]+xml:lang="fr"/);
    expect((await parser.parseString(atom)).items).toHaveLength(CATALOG_FIXTURES.length);
    const json = (await (await hub.request('/feeds/items.json')).json()) as {
      version: string;
      items: unknown[];
      language: string;
    };
    const schema = JSON.parse(
      await readFile(new URL('../../fixtures/syndication/jsonfeed-1.1.schema.json', import.meta.url), 'utf8'),
    ) as object;
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'fr' });
  });

  it('applies the same filters as /api/v1/items, and partner shortcuts', async () => {
    const jobs = await parser.parseString(
      await (await hub.request('/feeds/items.rss?partner=province-sud&type=job')).text(),
    );
    expect(jobs.items.map((i) => i.title).sort()).toEqual(
      CATALOG_FIXTURES.filter((f) => f.type === 'job')
        .map((f) => f.title)
        .sort(),
    );
    const noumea = await parser.parseString(await (await hub.request('/feeds/partners/noumea.rss')).text());
    expect(noumea.items).toHaveLength(2);
    expect((await hub.request('/feeds/partners/atlantide.rss')).status).toBe(404);
    expect((await hub.request('/feeds/items.rss?type=gossip')).status).toBe(400);
  });

  it.each([
    ['/feeds/items.rss?types=job', 'types'],
    ['/feeds/items.atom?foo=1&partner=noumea', 'foo'],
    ['/feeds/partners/noumea.json?page=2', 'page'],
    ['/feeds/items.rss?sort=relevance', 'sort'],
  ])('answers an unknown parameter with 400 like /api/v1/items: %s', async (path, field) => {
    const res = await hub.request(path);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors).toEqual([{ field, message: expect.stringMatching(/^paramètre inconnu/) }]);
    const api = await hub.request(`/api/v1/items?${field}x=1`);
    expect(api.status).toBe(400);
  });

  it('answers a repeated request with 304, and sets caching headers', async () => {
    const first = await hub.request('/feeds/items.atom');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toContain('max-age');
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await hub.request('/feeds/items.atom', {
      headers: { 'If-None-Match': etag!, 'Cache-Control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('lists active sources in OPML', async () => {
    const res = await hub.request('/feeds/sources.opml');
    const opml = await res.text();
    expect(opml).toContain('<opml version="2.0">');
    expect(opml).toContain('https://www.noumea.nc/rss');
  });
});

describe('WebSub', () => {
  it('links feeds to the configured hub and pings it when items change', async () => {
    const { startLoopbackServer } = await import('../../connectors/helpers/loopback-server.js');
    const websub = await startLoopbackServer();
    const bodies: string[] = [];
    websub.route('/publish', (req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(204).end();
      });
    });
    const withHub = await startTestHub({
      seed: true,
      label: 'websub',
      databaseUri: hub.databaseUri,
      env: { WEBSUB_HUB_URL: `${websub.origin}/publish` },
    });
    try {
      const rss = await (await withHub.request('/feeds/items.rss')).text();
      expect(rss).toContain(`<atom:link href="${websub.origin}/publish" rel="hub"`);
      bodies.length = 0;
      await insertItems([{ id: 'websub-new', partnerId: 'noumea', title: 'Nouvelle annonce' }]);
      await withHub.services.catalog.search.refresh();
      await expect.poll(() => bodies.length).toBeGreaterThan(0);
      expect(bodies.map((b) => new URLSearchParams(b))).toContainEqual(
        new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': 'http://portal.test/feeds/items.rss' }),
      );
    } finally {
      await withHub.close();
      await websub.close();
    }
  });
});
