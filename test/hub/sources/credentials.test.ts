/**
 * Sources' credentials end to end: given in the address or as headers and query keys,
 * stored sealed apart from the address, sent to the partner's API at fetch time, and never
 * in any response (sources, preview, runs, alerts, OPML, failures) nor in any log line of
 * the hub (its pino output is captured here and searched).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

const BEARER = 'Bearer brr-S3CRET-7f3a9c';
const API_KEY = 'key S3CRET/41b2+x';
const PASSWORD = 'pw-S3CRET@9d';
const NEW_HEADER = 'nh-S3CRET-55e1';
/** Every form a secret could take in a response or a log line. */
const FORMS = ['S3CRET', encodeURIComponent(API_KEY), Buffer.from(`agent:${PASSWORD}`).toString('base64')];
const MASK = '••••••';

let hub: TestHub;
let site: LoopbackServer;
const logLines: string[] = [];
const bodies: string[] = [];

/** A request to the hub whose answer is kept for the final search. */
async function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const res = await hub.request(path, { token: TEST_ADMIN_TOKEN, ...init });
  const text = await res.text();
  bodies.push(`${res.status} ${path} ${[...res.headers].join(' ')} ${text}`);
  return new Response(text, { status: res.status, headers: res.headers });
}

function authorized(req: { headers: Record<string, string | string[] | undefined>; url?: string }): boolean {
  const key = new URL(req.url ?? '/', 'http://x').searchParams.get('api_key');
  return req.headers.authorization === BEARER && key === API_KEY;
}

beforeAll(async () => {
  site = await startLoopbackServer();
  site.route('/api/news', (req, res) => {
    if (!authorized(req)) return res.writeHead(401, { 'content-type': 'text/plain' }).end('clé refusée');
    const data = [1, 2, 3].map((n) => ({ id: `n${n}`, titre: `Nouvelle ${n}`, lien: `${site.origin}/news/${n}` }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
  });
  site.route('/feed.rss', (req, res) => {
    const expected = `Basic ${Buffer.from(`agent:${PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss(numberedEntries(4, 'cred')));
  });
  // A partner's server that echoes the key into a redirect, then into its error page.
  site.route('/echo', (req, res) => {
    const key = new URL(req.url ?? '/', 'http://x').searchParams.get('api_key') ?? '';
    res
      .writeHead(302, { location: `/denied?api_key=${encodeURIComponent(key)}&also=${encodeURIComponent(key)}` })
      .end();
  });
  site.route('/denied', (req, res) => res.writeHead(403).end(`refusé : ${req.url}`));
  hub = await startTestHub({
    seed: true,
    label: 'credentials',
    logTo: { write: (line) => void logLines.push(line) },
    env: { LOG_LEVEL: 'trace', CREDENTIALS_KEY: 'k'.repeat(12) + 'test-credentials-key-0123456789' },
  });
});
afterAll(async () => {
  await site.close();
  await hub.stop();
});

const mapping = { itemsPath: 'data', fields: { guid: 'id', title: 'titre', url: 'lien' } };

async function create(json: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const res = await call('/api/v1/admin/sources', { method: 'POST', json: { partnerId: 'noumea', ...json } });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json() as never;
}

async function runNow(id: string): Promise<{ status: string; counts: { created: number }; error?: { code: string } }> {
  const res = await call(`/api/v1/admin/sources/${id}/run`, { method: 'POST' });
  expect([200, 202]).toContain(res.status);
  return res.json() as never;
}

describe('a json-api source with a header and a query key', () => {
  let id: string;

  it('previews an unsaved source with its credentials, showing none of them', async () => {
    const res = await call('/api/v1/admin/sources/preview', {
      method: 'POST',
      json: {
        partnerId: 'noumea',
        kind: 'json-api',
        url: `${site.origin}/api/news`,
        credentials: { headers: { Authorization: BEARER }, query: { api_key: API_KEY } },
        mapping,
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('stores them sealed apart from the address and shows them masked', async () => {
    const source = await create({
      kind: 'json-api',
      url: `${site.origin}/api/news?api_key=${encodeURIComponent(API_KEY)}`,
      credentials: { headers: { Authorization: BEARER } },
      mapping,
    });
    id = source.id;
    expect(source).toMatchObject({
      url: `${site.origin}/api/news`,
      hasCredentials: true,
      credentials: { headers: { Authorization: MASK }, query: { api_key: MASK } },
    });
    const stored = await SourceModel.findById(id).lean<{ url: string; credentials: Record<string, unknown> }>();
    expect(stored?.url).toBe(`${site.origin}/api/news`);
    expect(stored?.credentials).toMatchObject({ headers: ['Authorization'], query: ['api_key'], sealed: /^v1\./ });
    for (const form of FORMS) expect(JSON.stringify(stored)).not.toContain(form);
  });

  it('sends them at fetch time: the run reads the API', async () => {
    const run = await runNow(id);
    expect(run).toMatchObject({ status: 'ok', counts: { created: 3 } });
    expect(
      site.requests.filter((r) => r.path.startsWith('/api/news')).every((r) => r.headers.authorization === BEARER),
    ).toBe(true);
  });

  it('keeps them when a change does not mention them, keeps a masked one and adds another', async () => {
    expect((await call(`/api/v1/admin/sources/${id}`, { method: 'PATCH', json: { name: 'Nouvelles' } })).status).toBe(
      200,
    );
    const res = await call(`/api/v1/admin/sources/${id}`, {
      method: 'PATCH',
      json: { credentials: { headers: { Authorization: MASK, 'X-Extra': NEW_HEADER }, query: { api_key: MASK } } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      credentials: { headers: { Authorization: MASK, 'X-Extra': MASK }, query: { api_key: MASK } },
    });
    expect((await runNow(id)).status).toBe('ok');
    expect(site.requests.at(-1)?.headers['x-extra']).toBe(NEW_HEADER);
  });

  it('refuses a masked value with nothing stored, a header of the hub, and a move to another origin', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ credentials: { headers: { 'X-Unknown': MASK } } }, 'credentials.headers.X-Unknown'],
      [{ credentials: { headers: { Host: 'evil.example' } } }, 'credentials.headers.Host'],
      [{ url: 'https://collecte.example.nc/api/news' }, 'credentials'],
    ];
    for (const [json, field] of cases) {
      const res = await call(`/api/v1/admin/sources/${id}`, { method: 'PATCH', json });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    expect((await SourceModel.findById(id).lean<{ url: string }>())?.url).toBe(`${site.origin}/api/news`);
  });

  it('fails cleanly without them once removed, and the alert says nothing of them', async () => {
    const res = await call(`/api/v1/admin/sources/${id}`, { method: 'PATCH', json: { credentials: null } });
    const removed = (await res.json()) as Record<string, unknown>;
    expect(removed).toMatchObject({ hasCredentials: false });
    expect(removed).not.toHaveProperty('credentials');
    for (let i = 0; i < 3; i += 1) expect((await runNow(id)).error?.code).toBe('http_4xx');
    const alerts = (await (await call('/api/v1/admin/alerts')).json()) as { sources: { id: string }[] };
    expect(alerts.sources.map((s) => s.id)).toContain(id);
    const preview = await call(`/api/v1/admin/sources/${id}/preview`, { method: 'POST' });
    expect(preview.status).toBe(422);
  });
});

describe('a feed with a user and password in its address', () => {
  it('moves them out of the address, reads the feed with Basic, and lists a clean address in OPML', async () => {
    const url = new URL(`${site.origin}/feed.rss`);
    url.username = 'agent';
    url.password = encodeURIComponent(PASSWORD);
    const source = await create({ kind: 'feed', url: url.href });
    expect(source).toMatchObject({
      url: `${site.origin}/feed.rss`,
      credentials: { username: MASK, password: MASK },
    });
    expect((await runNow(source.id)).counts.created).toBe(4);
    const opml = await (await call('/feeds/sources.opml', { headers: {} })).text();
    expect(opml).toContain(`${site.origin}/feed.rss`);
    expect(opml).not.toContain('agent');
  });

  it('keeps a key echoed by the partner in a redirect out of the run report and the logs', async () => {
    const source = await create({
      kind: 'feed',
      url: `${site.origin}/echo`,
      credentials: { query: { api_key: API_KEY } },
    });
    const run = await runNow(source.id);
    expect(run).toMatchObject({ status: 'failed', error: { code: 'http_4xx' } });
    expect(site.requests.at(-1)?.path).toMatch(/^\/denied\?/);
  });
});

describe('everything the hub said', () => {
  it('holds no credential: responses (sources, previews, runs, alerts, OPML, failures) and every log line', async () => {
    for (const path of ['/api/v1/admin/sources', '/api/v1/admin/alerts', '/feeds/sources.opml']) await call(path);
    const sources = (await (await call('/api/v1/admin/sources')).json()) as { sources: { id: string }[] };
    for (const s of sources.sources) {
      await call(`/api/v1/admin/sources/${s.id}`);
      await call(`/api/v1/admin/sources/${s.id}/runs`);
    }
    expect(bodies.length).toBeGreaterThan(20);
    // The capture works: the runs and the failures were logged.
    expect(logLines.some((l) => l.includes('ingest: run finished'))).toBe(true);
    expect(logLines.some((l) => l.includes('ingest: source failed'))).toBe(true);
    for (const form of FORMS) {
      expect(bodies.filter((b) => b.includes(form))).toEqual([]);
      expect(logLines.filter((l) => l.includes(form))).toEqual([]);
    }
  });
});
