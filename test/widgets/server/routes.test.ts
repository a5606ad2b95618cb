import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWidgetAssets } from '../../../widgets/server/index.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;
let hash: string;

/** A raw GET: fetch() adds Cache-Control: no-cache to conditional requests, browsers do not. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(hub.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  hub = await startTestHub({ label: 'widgets' });
  hash = (await getWidgetAssets()).hash;
});
afterAll(() => hub.stop());

describe('GET /widgets/v1/embed.js', () => {
  it('serves the bundle with ETag, a 5-minute cache, CORS and CORP', async () => {
    const res = await hub.request('/widgets/v1/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(await res.text()).toContain('passerelle-article');
  });

  it('answers 304 to If-None-Match, per encoding', async () => {
    const etags = new Set<string>();
    for (const encoding of ['identity', 'gzip', 'br']) {
      const first = await rawGet('/widgets/v1/embed.js', { 'Accept-Encoding': encoding });
      const etag = String(first.headers.etag);
      etags.add(etag);
      const again = await rawGet('/widgets/v1/embed.js', { 'Accept-Encoding': encoding, 'If-None-Match': etag });
      expect(again.status, encoding).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect(etags.size).toBe(3);
    const stale = await rawGet('/widgets/v1/embed.js', { 'If-None-Match': '"old"' });
    expect(stale.status).toBe(200);
  });

  it('compresses with gzip when asked', async () => {
    const res = await fetch(`${hub.url}/widgets/v1/embed.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toMatch(/-gzip"$/);
    const raw = (await rawGet('/widgets/v1/embed.js', { 'Accept-Encoding': 'gzip' })).body;
    expect(raw.length).toBeLessThanOrEqual(15 * 1024);
    expect(gunzipSync(raw).toString()).toContain('passerelle-news');
  });
});

describe('hashed copy and source map', () => {
  it('serves embed.<hash>.js immutable, same bytes as embed.js, with 304 too', async () => {
    const first = await rawGet(`/widgets/v1/embed.${hash}.js`, {});
    expect((await rawGet(`/widgets/v1/embed.${hash}.js`, { 'If-None-Match': String(first.headers.etag) })).status).toBe(
      304,
    );
    const res = await hub.request(`/widgets/v1/embed.${hash}.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe(await (await hub.request('/widgets/v1/embed.js')).text());
  });

  it('serves the source map the bundle names', async () => {
    const code = await (await hub.request('/widgets/v1/embed.js')).text();
    const mapName = /sourceMappingURL=(\S+)/.exec(code)?.[1];
    expect(mapName).toBe(`embed.${hash}.js.map`);
    const res = await hub.request(`/widgets/v1/${mapName}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await res.json()) as { version: number }).version).toBe(3);
  });

  it('404s an old hash', async () => {
    expect((await hub.request('/widgets/v1/embed.0123456789ab.js')).status).toBe(404);
    expect((await hub.request('/widgets/v1/embed.0123456789ab.js.map')).status).toBe(404);
  });

  it('serves frame.js', async () => {
    const res = await hub.request('/widgets/v1/frame.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toContain('passerelle:resize');
  });
});
