/** What the link checker asks of the shared fetcher: HEAD, a body left unread, the redirects followed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError, type Fetcher } from '../../../connectors/index.js';
import { createTestFetcher, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher({ maxBytes: 1024 });
  server.route('/big', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(64 * 1024) });
    res.end(req.method === 'HEAD' ? undefined : 'x'.repeat(64 * 1024));
  });
  server.route('/a', (_req, res) => void res.writeHead(301, { location: '/b' }).end());
  server.route('/b', (_req, res) => void res.writeHead(307, { location: '/big' }).end());
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('fetcher for link checks', () => {
  it('sends HEAD when asked, without reading a body or minding its declared length', async () => {
    const res = await fetcher.fetch({ url: `${server.origin}/big`, method: 'HEAD' });
    expect(res).toMatchObject({ status: 200, body: new Uint8Array() });
    expect(server.requests.at(-1)?.path).toBe('/big');
  });

  it('leaves a GET body unread with discardBody, but still refuses it past the cap otherwise', async () => {
    const res = await fetcher.fetch({ url: `${server.origin}/big`, discardBody: true });
    expect(res.status).toBe(200);
    expect(res.body.byteLength).toBe(0);
    const error = await fetcher.fetch({ url: `${server.origin}/big` }).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('too_large');
  });

  it('lists the redirects it followed, in order, and none when there were none', async () => {
    const res = await fetcher.fetch({ url: `${server.origin}/a`, method: 'HEAD' });
    expect(res.url).toBe(`${server.origin}/big`);
    expect(res.redirects).toEqual([
      { url: `${server.origin}/a`, status: 301 },
      { url: `${server.origin}/b`, status: 307 },
    ]);
    expect((await fetcher.fetch({ url: `${server.origin}/big`, method: 'HEAD' })).redirects).toBeUndefined();
  });
});
