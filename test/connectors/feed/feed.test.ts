import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, runConnector, type ConnectorResult, type Fetcher } from '../../../connectors/index.js';
import { validateAgainst } from '../../../schemas/index.js';
import { makeSource, readFixture } from '../helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

/** Serves a fixture at /<path> and runs a feed source on it. */
async function runFixture(
  path: string,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<ConnectorResult> {
  server.route(`/${path}`, serve(readFixture(`feed/${path}`), contentType, headers));
  return runConnector(makeSource('feed', `${server.origin}/${path}`), { fetcher });
}

async function failureOf(path: string, contentType: string): Promise<ConnectorError> {
  const error = await runFixture(path, contentType).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('feed: RSS 2.0', () => {
  let result: ConnectorResult;
  beforeAll(async () => {
    result = await runFixture('rss2.xml', 'application/rss+xml; charset=utf-8');
  });

  it('yields valid items and rejects the one without a title nor any text', () => {
    expect(result.items.map((i) => i.title)).toEqual([
      'Rentrée scolaire 2027 : les inscriptions sont ouvertes & gratuites',
      'Fête de l’igname à Païta & marché des producteurs',
      "Avis de coupure d'eau — Dumbéa",
    ]);
    for (const item of result.items) expect(validateAgainst('ItemInput', item)).toEqual([]);
    expect(result.rejected).toEqual([
      {
        index: 3,
        guid: 'ps-actu-sans-titre',
        reason: 'title: missing, and no text to derive one from',
        entry: expect.stringContaining('ps-actu-sans-titre'),
      },
    ]);
    expect(result).toMatchObject({ notModified: false, httpStatus: 200, fetched: 4, complete: false });
  });

  it('keeps every enclosure and picks the image enclosure as image', () => {
    const [first] = result.items;
    expect(first?.enclosures?.map((e) => e.url)).toEqual([
      'https://www.province-sud.nc/files/rentree-2027.pdf',
      'https://www.province-sud.nc/files/rentree-2027.jpg',
      'https://www.province-sud.nc/files/rentree-2027-fiche.pdf',
    ]);
    expect(first?.enclosures?.[0]).toEqual({
      url: 'https://www.province-sud.nc/files/rentree-2027.pdf',
      type: 'application/pdf',
      length: 245760,
    });
    expect(first?.image).toEqual({ url: 'https://www.province-sud.nc/files/rentree-2027.jpg', type: 'image/jpeg' });
  });

  it('reads CDATA, content:encoded, dc:creator, categories and strips tracking parameters', () => {
    const [first] = result.items;
    expect(first).toMatchObject({
      guid: 'ps-actu-4512',
      url: 'https://www.province-sud.nc/actualites/rentree-2027',
      author: "Direction de l'enseignement",
      categories: ['Éducation', 'Jeunesse'],
      summary: "Les inscriptions pour la rentrée 2027 sont ouvertes jusqu'au 15 décembre.",
      publishedAt: '2026-11-29T03:30:00.000Z',
      language: 'fr-FR',
    });
    expect(first?.content).toContain('<img src="https://www.province-sud.nc/sites/default/files/rentree.jpg"');
    expect(first?.content).toContain('href="https://www.province-sud.nc/education/inscriptions"');
  });

  it('reads event dates and place, and Media RSS images', () => {
    const event = result.items[1];
    expect(event).toMatchObject({
      type: 'event',
      event: { start: '2026-12-04T22:00:00.000Z', end: '2026-12-06T06:00:00.000Z', place: 'Place des Accords, Païta' },
      image: { url: 'https://www.province-sud.nc/files/igname.jpg', type: 'image/jpeg', alt: 'Ignames sur un étal' },
    });
    expect(event?.enclosures?.map((e) => e.url)).toContain('https://www.province-sud.nc/files/igname-small.jpg');
  });

  it('resolves a relative link, and falls back on it as guid when there is neither guid nor date', () => {
    const third = result.items[2];
    expect(third?.url).toBe(`${server.origin}/actualites/coupure-eau-dumbea`);
    expect(third?.guid).toBe(third?.url);
    expect(third?.publishedAt).toBeUndefined();
  });

  it('reports the feed ttl as a cache hint', () => {
    expect(result.cacheHints.ttlSeconds).toBe(3600);
  });

  it('gives the same ids and hashes on a second run', async () => {
    const again = await runConnector(makeSource('feed', `${server.origin}/rss2.xml`), { fetcher });
    expect(again.items.map((i) => [i.id, i.contentHash])).toEqual(result.items.map((i) => [i.id, i.contentHash]));
  });
});

describe('feed: other formats', () => {
  it('reads RSS 1.0 (RDF) with dc:date and rdf:about', async () => {
    const { items } = await runFixture('rss1.rdf', 'application/rdf+xml');
    expect(items.map((i) => [i.guid, i.publishedAt, i.categories])).toEqual([
      ['https://www.ville-noumea.nc/actualites/marche-de-noel', '2026-11-27T22:15:00.000Z', ['Animation']],
      ['https://www.ville-noumea.nc/actualites/piscine-du-ouen-toro', '2026-11-26T13:00:00.000Z', undefined],
    ]);
  });

  it('reads Atom 1.0, resolving links and content against xml:base', async () => {
    const { items } = await runFixture('atom.xml', 'application/atom+xml');
    const [first, second] = items;
    expect(first).toMatchObject({
      guid: 'tag:gouv.nc,2026:actualite-8841',
      url: 'https://www.gouv.nc/actualites/bouclier-qualite-prix',
      title: 'Vie chère : le bouclier qualité-prix étendu',
      categories: ['Économie', 'consommation'],
      author: 'Cabinet du gouvernement',
      publishedAt: '2026-11-28T21:00:00.000Z',
      updatedAt: '2026-11-28T22:30:00.000Z',
      language: 'fr',
    });
    expect(first?.enclosures).toEqual([
      {
        url: 'https://www.gouv.nc/documents/bqp-2027.pdf',
        type: 'application/pdf',
        length: 102400,
        title: 'Liste des produits',
      },
      { url: 'https://www.gouv.nc/images/bqp.png', type: 'image/png' },
    ]);
    expect(first?.content).toContain('href="https://www.gouv.nc/documents/bqp-liste.pdf"');
    expect(second?.url).toBe('https://www.gouv.nc/emploi/calendrier-2027');
    expect(second?.image).toEqual({ url: 'https://www.gouv.nc/emploi/images/concours.jpg', alt: "Salle d'examen" });
  });

  it('decodes ISO-8859-1 bytes declared in the XML prolog', async () => {
    const { items } = await runFixture('latin1.xml', 'application/rss+xml');
    expect(items[0]?.title).toBe('Fête du cerf et de la crevette à Koné');
    expect(items[0]?.summary).toBe('Élection de Miss, concours de pêche et spécialités gâtées : « à ne pas manquer ».');
  });

  it('decodes Windows-1252 bytes declared in the Content-Type', async () => {
    const { items } = await runFixture('windows-1252.xml', 'text/xml; charset=windows-1252');
    expect(items[0]?.title).toBe('L’œuvre de Déwé Gorodé au cœur du festival');
    expect(items[0]?.summary).toBe('Entrée : 500 F ou 4 € — “gratuit” pour les moins de 12 ans…');
  });

  it('reads UTF-8 with a byte-order mark', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFixture('feed/rss1.rdf')]);
    server.route('/bom.rdf', serve(bom, 'application/xml'));
    const { items } = await runConnector(makeSource('feed', `${server.origin}/bom.rdf`), { fetcher });
    expect(items[0]?.title).toBe('Le marché de Noël revient place des Cocotiers');
  });

  it('mends a sloppy feed: no version, bare &, HTML entities, control characters, French date', async () => {
    const { items, rejected } = await runFixture('sloppy.xml', 'text/xml');
    expect(rejected).toEqual([]);
    expect(items[0]).toMatchObject({
      title: 'Journées du patrimoine : visites été & automne',
      url: 'https://www.bourail.nc/patrimoine?id=12&page=2',
      summary: 'Programme des visites…',
      publishedAt: '2026-11-27T22:30:00.000Z',
    });
  });

  it('reads a gzip-encoded feed', async () => {
    server.route(
      '/gz.rdf',
      serve(gzipSync(readFixture('feed/rss1.rdf')), 'application/rdf+xml', { 'content-encoding': 'gzip' }),
    );
    const { items } = await runConnector(makeSource('feed', `${server.origin}/gz.rdf`), { fetcher });
    expect(items.map((i) => i.title)).toEqual([
      'Le marché de Noël revient place des Cocotiers',
      "Piscine du Ouen Toro : horaires d'été",
    ]);
  });
});

describe('feed: failures', () => {
  it('fails on malformed XML (bad_format)', async () => {
    const error = await failureOf('malformed.xml', 'application/rss+xml');
    expect(error.code).toBe('bad_format');
    expect(error.message).toMatch(/^feed: malformed XML/);
  });

  it('fails on an HTML page served instead of a feed (bad_format)', async () => {
    const error = await failureOf('html-page.html', 'text/html; charset=utf-8');
    expect(error).toMatchObject({ code: 'bad_format', message: 'feed: an HTML page was served instead of a feed' });
  });

  it('fails on XML that is not a feed (bad_format)', async () => {
    server.route('/not-a-feed.xml', serve('<?xml version="1.0"?><catalogue><livre/></catalogue>', 'application/xml'));
    const error = await runConnector(makeSource('feed', `${server.origin}/not-a-feed.xml`), { fetcher }).catch(
      (e: ConnectorError) => e,
    );
    expect(error).toMatchObject({ code: 'bad_format', message: 'feed: no <channel> or <feed>' });
  });
});

describe('feed: conditional GET', () => {
  it('answers 304 without parsing and keeps the validators as cache hints', async () => {
    server.route('/cond.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304, { etag: '"r1"' }).end();
      res.writeHead(200, {
        etag: '"r1"',
        'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT',
        'content-type': 'application/xml',
      });
      res.end(readFixture('feed/rss1.rdf'));
    });
    const source = makeSource('feed', `${server.origin}/cond.xml`);
    const first = await runConnector(source, { fetcher });
    expect(first.cacheHints).toMatchObject({ etag: '"r1"', lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT' });
    const second = await runConnector(source, { fetcher, cache: first.cacheHints });
    expect(second).toEqual({
      notModified: true,
      httpStatus: 304,
      items: [],
      rejected: [],
      fetched: 0,
      complete: false,
      cacheHints: { etag: '"r1"', lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT' },
    });
  });
});
