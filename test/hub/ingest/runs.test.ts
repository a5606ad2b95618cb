/** Runs over real HTTP against loopback partner sites: counts, conditional GET, changes, faults. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../../schemas/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { RunModel } from '../../../hub/sources/run-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries, type RssEntry } from '../../helpers/rss.js';

let hub: TestHub;
let site: LoopbackServer;
let entries: RssEntry[] = numberedEntries(30);

async function createSource(url: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', kind: 'feed', url, ...extra },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function run(id: string): Promise<Run> {
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return (await res.json()) as Run;
}

/** A run as the scheduler makes it: conditional GET with the validators of the last run. */
async function runScheduled(id: string): Promise<Run> {
  const report = await hub.services.scheduler.runNow(id);
  expect(report).toBeDefined();
  return report!;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'runs' });
  site = await startLoopbackServer();
  // A polite partner site: ETag + 304, gzip.
  site.route('/actus.rss', (req, res) => {
    const body = makeRss(entries);
    const etag = `"${Buffer.from(body).length}-${entries.map((e) => e.title).join('').length}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'content-encoding': 'gzip' })
      .end(gzipSync(body));
  });
  site.route('/500', (_req, res) => void res.writeHead(500).end('boom'));
  site.route('/slow', () => undefined);
  site.route('/loop', (_req, res) => void res.writeHead(302, { location: '/loop' }).end());
  site.route('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 3; i += 1) res.write(chunk);
    res.end();
  });
  site.route(
    '/broken.xml',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<rss version="2.0"><channel><title>x</title><item><title>oops</item></channel>'),
  );
  site.route(
    '/page.html',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><head><title>Accueil</title></head><body><p>Bienvenue</p></body></html>'),
  );
  site.route(
    '/hostile.rss',
    (_req, res) =>
      void res.writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://www.noumea.nc/</link>
<item><title>Piège &lt;script&gt;alert(1)&lt;/script&gt;</title><link>https://www.noumea.nc/a</link><guid>h1</guid>
<description><![CDATA[<p onclick="x()">Texte <script>alert(1)</script><img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">lien</a><iframe src="https://evil.example"></iframe><style>p{}</style></p>]]></description></item>
</channel></rss>`),
  );
});
afterAll(async () => {
  await site.close();
  await hub.stop();
});

describe('a run of a feed source', () => {
  let id: string;

  it('creates every item, with normalized fields', async () => {
    id = await createSource(`${site.origin}/actus.rss`);
    const report = await run(id);
    expect(report).toMatchObject({
      sourceId: id,
      status: 'ok',
      counts: { fetched: 30, created: 30, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 },
    });
    expect(Date.parse(report.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
    expect(await ItemModel.countDocuments({ sourceId: id })).toBe(30);
    const item = await ItemModel.findOne({ sourceId: id, guid: 'actu-3' }).lean();
    expect(item).toMatchObject({
      partnerId: 'noumea',
      url: 'https://www.noumea.nc/actualites/actu-3',
      status: 'published',
      revision: 1,
      stats: { likes: 0, comments: 0 },
    });
  });

  it('costs nothing on 304: no parsing, no writes', async () => {
    const before = await ItemModel.find({ sourceId: id }).lean();
    const report = await runScheduled(id);
    expect(report).toMatchObject({
      status: 'ok',
      notModified: true,
      httpStatus: 304,
      counts: { fetched: 0, created: 0, updated: 0 },
    });
    expect(site.requests.filter((r) => r.path === '/actus.rss').at(-1)?.headers['if-none-match']).toBeTruthy();
    expect(await ItemModel.find({ sourceId: id }).lean()).toEqual(before);
  });

  it('updates only what changed, bumping its revision; re-running unchanged content writes nothing', async () => {
    entries = entries.map((e, i) => (i === 5 ? { ...e, title: 'Actualité modifiée' } : e));
    const report = await run(id);
    expect(report.counts).toMatchObject({ fetched: 30, created: 0, updated: 1, unchanged: 29 });
    expect(await ItemModel.findOne({ sourceId: id, guid: 'actu-5' }).lean()).toMatchObject({
      title: 'Actualité modifiée',
      revision: 2,
    });
    // A server without validators sending the same bytes: recognised by their hash.
    await SourceModel.updateOne({ _id: id }, { $unset: { 'state.etag': '' } });
    expect(await runScheduled(id)).toMatchObject({
      notModified: true,
      httpStatus: 200,
      counts: { created: 0, updated: 0 },
    });
    // Same items in other bytes: parsed, compared, and nothing written.
    await SourceModel.updateOne({ _id: id }, { $unset: { 'state.etag': '', 'state.bodyHash': '' } });
    const again = await run(id);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
  });

  it("reads the whole source on an admin's run now: real counts, never an empty 304 report", async () => {
    const conditional = site.requests.filter((r) => r.path === '/actus.rss').length;
    const report = await run(id);
    expect(report).toMatchObject({ status: 'ok', httpStatus: 200, trigger: 'manual' });
    expect(report.notModified).toBeUndefined();
    expect(report.counts).toMatchObject({ fetched: 30, created: 0, updated: 0, unchanged: 30 });
    const request = site.requests.filter((r) => r.path === '/actus.rss')[conditional];
    expect(request?.headers['if-none-match']).toBeUndefined();
  });

  it('does not withdraw items of a feed that lists only recent news', async () => {
    entries = entries.slice(0, 10);
    const report = await run(id);
    expect(report.counts.withdrawn).toBe(0);
    expect(await ItemModel.countDocuments({ sourceId: id, status: 'published' })).toBe(30);
  });

  it('withdraws vanished items of a complete source, never deleting them', async () => {
    await hub.request(`/api/v1/admin/sources/${id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { complete: true },
    });
    const report = await run(id);
    expect(report.counts).toMatchObject({ withdrawn: 20, unchanged: 10 });
    expect(await ItemModel.countDocuments({ sourceId: id })).toBe(30);
    expect(await ItemModel.countDocuments({ sourceId: id, status: 'withdrawn' })).toBe(20);
  });

  it('keeps the run history', async () => {
    const res = await hub.request(`/api/v1/admin/sources/${id}/runs?limit=3`, { token: TEST_ADMIN_TOKEN });
    const { runs } = (await res.json()) as { runs: Run[] };
    expect(runs).toHaveLength(3);
    expect(Date.parse(runs[0]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(runs[1]!.startedAt));
    expect(await RunModel.countDocuments({ sourceId: id })).toBe(8);
  });
});

describe('a json-api source that lists everything', () => {
  it('withdraws what vanished, but never because the page cap cut the listing short', async () => {
    let total = 6;
    site.route('/api/actus', (req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
      const all = Array.from({ length: total }, (_, i) => ({
        id: `a${i}`,
        titre: `Annonce ${i}`,
        lien: `https://www.noumea.nc/annonces/a${i}`,
      }));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: all.slice((page - 1) * 3, page * 3) }));
    });
    const mapping = {
      itemsPath: 'data',
      fields: { guid: 'id', title: 'titre', url: 'lien' },
      pagination: { type: 'page', param: 'page', maxPages: 3 },
    };
    const id = await createSource(`${site.origin}/api/actus`, { kind: 'json-api', complete: true, mapping });
    expect((await run(id)).counts).toMatchObject({ created: 6, withdrawn: 0 });
    // The cap now stops after page 1 of 2: the listing is not complete, nothing is withdrawn.
    await hub.request(`/api/v1/admin/sources/${id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { mapping: { ...mapping, pagination: { ...mapping.pagination, maxPages: 1 } } },
    });
    expect((await run(id)).counts).toMatchObject({ fetched: 3, withdrawn: 0 });
    // With the whole listing again, the two announcements that vanished are withdrawn.
    await hub.request(`/api/v1/admin/sources/${id}`, { method: 'PATCH', token: TEST_ADMIN_TOKEN, json: { mapping } });
    total = 4;
    expect((await run(id)).counts).toMatchObject({ fetched: 4, withdrawn: 2 });
  });
});

describe('faults end as failed runs with a stable code', () => {
  it.each([
    ['/500', 'http_5xx'],
    ['/missing', 'http_4xx'],
    ['/loop', 'too_many_redirects'],
    ['/broken.xml', 'bad_format'],
    ['/page.html', 'bad_format'],
  ])('%s → %s', async (path, code) => {
    const id = await createSource(`${site.origin}${path}`);
    const report = await run(id);
    expect(report.status).toBe('failed');
    expect(report.error?.code).toBe(code);
    const source = await SourceModel.findById(id).lean();
    expect(source?.state).toMatchObject({ lastStatus: 'failed', consecutiveFailures: 1, lastError: { code } });
  });

  it('times out and refuses bodies over the limit', async () => {
    const slowHub = await startTestHub({
      label: 'limits',
      databaseUri: hub.databaseUri,
      env: { FETCH_TIMEOUT_MS: '1000', FETCH_MAX_BYTES: '1048576' },
    });
    try {
      for (const [path, code] of [
        ['/slow', 'timeout'],
        ['/huge', 'too_large'],
      ]) {
        const res = await slowHub.request('/api/v1/admin/sources', {
          method: 'POST',
          token: TEST_ADMIN_TOKEN,
          json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}${path}` },
        });
        const { id } = (await res.json()) as { id: string };
        const report = (await (
          await slowHub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN })
        ).json()) as Run;
        expect(report.error?.code).toBe(code);
      }
    } finally {
      await slowHub.close();
    }
  });

  it('refuses a private address that is not allowed', async () => {
    const strictHub = await startTestHub({
      label: 'ssrf',
      databaseUri: hub.databaseUri,
      env: { SOURCE_ALLOWED_HOSTS: '' },
    });
    try {
      // Refused at once when the address is private on its face…
      const refused = await strictHub.request('/api/v1/admin/sources', {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/other.rss` },
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('url');
      // …and at fetch time for a source saved while it was allowed.
      const id = await createSource(`${site.origin}/actus-2.rss`);
      const report = (await (
        await strictHub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN })
      ).json()) as Run;
      expect(report.error?.code).toBe('forbidden_address');
    } finally {
      await strictHub.close();
    }
  });
});

describe('hostile partner content', () => {
  it('never survives mapping into the stored item', async () => {
    const id = await createSource(`${site.origin}/hostile.rss`);
    expect((await run(id)).status).toBe('ok');
    const item = await ItemModel.findOne({ sourceId: id }).lean();
    expect(item?.title).toMatch(/^Piège/);
    expect(item?.title).not.toContain('<');
    const html = `${item?.content ?? ''}${item?.summary ?? ''}`;
    for (const bad of ['<script', 'onerror', 'onclick', 'javascript:', '<iframe', '<style'])
      expect(html).not.toContain(bad);
    expect(item?.content).toContain('lien');
  });
});
