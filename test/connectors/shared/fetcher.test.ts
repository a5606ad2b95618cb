import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type Fetcher } from '../../../connectors/index.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher({ maxBytes: 64 * 1024 });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

/** Runs a fetch that must fail and returns its ConnectorError. */
async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('fetcher: requests', () => {
  it('sends the User-Agent, Accept-Encoding and the conditional headers', async () => {
    server.route('/conditional', serve('ok', 'text/plain'));
    await fetcher.fetch({
      url: `${server.origin}/conditional`,
      etag: '"v1"',
      lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT',
    });
    const seen = server.requests.find((r) => r.path === '/conditional');
    expect(seen?.headers['user-agent']).toBe('Passerelle/0.1.0-test (+http://passerelle.test)');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen?.headers['if-none-match']).toBe('"v1"');
    expect(seen?.headers['if-modified-since']).toBe('Sat, 28 Nov 2026 10:00:00 GMT');
  });

  it('answers a 304 as notModified with an empty body, keeping the ETag', async () => {
    server.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') return void res.writeHead(304, { etag: '"abc"' }).end();
      res.writeHead(200, { etag: '"abc"', 'content-type': 'text/plain' }).end('first');
    });
    const first = await fetcher.fetch({ url: `${server.origin}/etag` });
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"abc"' });
    const second = await fetcher.fetch({ url: `${server.origin}/etag`, etag: first.etag });
    expect(second).toMatchObject({ status: 304, notModified: true, etag: '"abc"' });
    expect(second.body.byteLength).toBe(0);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ] as const)('decompresses a %s body', async (encoding, compress) => {
    server.route(
      `/${encoding}`,
      serve(compress(Buffer.from('Bonjour Nouméa')), 'text/plain; charset=utf-8', { 'content-encoding': encoding }),
    );
    const response = await fetcher.fetch({ url: `${server.origin}/${encoding}` });
    expect(Buffer.from(response.body).toString('utf8')).toBe('Bonjour Nouméa');
  });

  it('follows up to 5 redirects and reports the final URL', async () => {
    for (let i = 1; i <= 5; i++)
      server.route(
        `/hop${i}`,
        (_req, res) => void res.writeHead(302, { location: i === 5 ? '/landed' : `/hop${i + 1}` }).end(),
      );
    server.route('/landed', serve('here', 'text/plain'));
    const response = await fetcher.fetch({ url: `${server.origin}/hop1` });
    expect(response.url).toBe(`${server.origin}/landed`);
  });

  it('reports Cache-Control max-age', async () => {
    server.route('/cached', serve('x', 'text/plain', { 'cache-control': 'public, max-age=900' }));
    expect((await fetcher.fetch({ url: `${server.origin}/cached` })).maxAgeSeconds).toBe(900);
  });
});

describe('fetcher: failures', () => {
  it('times out on a server that never answers, and on a body that stalls (timeout)', async () => {
    const impatient = createTestFetcher({ timeoutMs: 400 });
    server.route('/hang', () => {});
    server.route('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('début…');
    });
    const started = Date.now();
    expect((await failure(impatient.fetch({ url: `${server.origin}/hang` }))).code).toBe('timeout');
    expect((await failure(impatient.fetch({ url: `${server.origin}/stall` }))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4_000);
    await impatient.close();
  });

  it.each([
    [500, 'http_5xx'],
    [503, 'http_5xx'],
    [404, 'http_4xx'],
    [410, 'http_4xx'],
    [429, 'http_429'],
  ] as const)('classifies HTTP %i as %s with the status', async (status, code) => {
    server.route(`/status${status}`, (_req, res) => void res.writeHead(status).end('nope'));
    const error = await failure(fetcher.fetch({ url: `${server.origin}/status${status}` }));
    expect(error).toMatchObject({ code, httpStatus: status });
  });

  it('reports Retry-After in seconds on a 429', async () => {
    server.route('/busy', (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end());
    expect(await failure(fetcher.fetch({ url: `${server.origin}/busy` }))).toMatchObject({
      code: 'http_429',
      retryAfterSeconds: 120,
    });
  });

  it('reports Retry-After given as an HTTP date on a 503', async () => {
    const at = new Date(Date.now() + 600_000).toUTCString();
    server.route('/maintenance', (_req, res) => void res.writeHead(503, { 'retry-after': at }).end());
    const error = await failure(fetcher.fetch({ url: `${server.origin}/maintenance` }));
    expect(error.code).toBe('http_5xx');
    expect(error.retryAfterSeconds).toBeGreaterThan(590);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it('stops a redirect loop (too_many_redirects)', async () => {
    server.route('/loop', (_req, res) => void res.writeHead(301, { location: '/loop' }).end());
    expect((await failure(fetcher.fetch({ url: `${server.origin}/loop` }))).code).toBe('too_many_redirects');
    expect(server.requests.filter((r) => r.path === '/loop')).toHaveLength(6);
  });

  it.each([
    ['a private literal address', 'http://10.0.0.12/feed.xml'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data'],
    ['an IPv6 loopback', 'http://[::1]/feed'],
    ['a loopback outside the allow-list', 'http://127.0.0.2/feed'],
  ])('refuses a redirect to %s (forbidden_address)', async (_name, target) => {
    server.route('/to-private', (_req, res) => void res.writeHead(302, { location: target }).end());
    expect((await failure(fetcher.fetch({ url: `${server.origin}/to-private` }))).code).toBe('forbidden_address');
  });

  it('refuses a host name that resolves to a loopback address, after DNS (forbidden_address)', async () => {
    server.route(
      '/to-localhost',
      (_req, res) => void res.writeHead(302, { location: `http://localhost:${server.port}/landed` }).end(),
    );
    const error = await failure(fetcher.fetch({ url: `${server.origin}/to-localhost` }));
    expect(error.code).toBe('forbidden_address');
    expect(error.message).toMatch(/localhost resolves to/);
  });

  it('reaches a private host when it is allow-listed', async () => {
    const allowing = createTestFetcher({ allowedHosts: ['127.0.0.1', 'localhost'] });
    server.route('/landed', serve('here', 'text/plain'));
    const response = await allowing.fetch({ url: `http://localhost:${server.port}/landed` });
    expect(response.status).toBe(200);
    await allowing.close();
  });

  it('refuses loopback when nothing is allow-listed', async () => {
    const strict = createTestFetcher({ allowedHosts: [] });
    expect((await failure(strict.fetch({ url: `${server.origin}/landed` }))).code).toBe('forbidden_address');
    await strict.close();
  });

  it('refuses a body over the limit (too_large), declared or streamed', async () => {
    server.route('/declared', serve(Buffer.alloc(100 * 1024, 'a'), 'text/plain'));
    server.route('/streamed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no Content-Length
      for (let i = 0; i < 100; i++) res.write(Buffer.alloc(1024, 'b'));
      res.end();
    });
    expect((await failure(fetcher.fetch({ url: `${server.origin}/declared` }))).code).toBe('too_large');
    expect((await failure(fetcher.fetch({ url: `${server.origin}/streamed` }))).code).toBe('too_large');
  });

  it('counts decompressed bytes: a small gzip bomb is too_large', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0));
    expect(bomb.length).toBeLessThan(64 * 1024);
    server.route('/bomb', serve(bomb, 'application/xml', { 'content-encoding': 'gzip' }));
    expect((await failure(fetcher.fetch({ url: `${server.origin}/bomb` }))).code).toBe('too_large');
  });

  it('fails on a corrupt gzip body (bad_format)', async () => {
    server.route('/corrupt', serve(Buffer.from('definitely not gzip'), 'text/plain', { 'content-encoding': 'gzip' }));
    expect((await failure(fetcher.fetch({ url: `${server.origin}/corrupt` }))).code).toBe('bad_format');
  });

  it('refuses other schemes (bad_config) and a connection refused is connection', async () => {
    expect((await failure(fetcher.fetch({ url: 'ftp://127.0.0.1/feed' }))).code).toBe('bad_config');
    const closed = await startLoopbackServer();
    const url = `${closed.origin}/`;
    await closed.close();
    expect((await failure(fetcher.fetch({ url }))).code).toBe('connection');
  });
});
