/**
 * A source's credentials on the wire: taken out of addresses, sent to the source's own
 * origin only (not to a redirect elsewhere), and never in what the fetcher reports — the
 * response URL, or any failure's message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectorError,
  splitAddressCredentials,
  withSourceCredentials,
  type Fetcher,
} from '../../../connectors/index.js';
import type { SourceCredentials } from '../../../schemas/index.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const SECRETS: SourceCredentials = {
  headers: { Authorization: 'Bearer hdr-S3CRET-token-0001', 'X-Api-Key': 'xkey-S3CRET-0002' },
  query: { api_key: 'qkey S3CRET/0003' },
};
/** Every form in which a secret could leak. */
const FORMS = ['S3CRET', encodeURIComponent('qkey S3CRET/0003'), 'qkey+S3CRET'];

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  // The loopback server answers as 127.0.0.1 and as localhost: two origins.
  fetcher = createTestFetcher({
    allowedHosts: ['127.0.0.1', 'localhost'],
    openCredentials: async ({ sealed, origin }) => {
      expect(origin).toBe(server.origin);
      return JSON.parse(sealed) as SourceCredentials;
    },
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

function sourceFetcher(credentials: SourceCredentials = SECRETS): Fetcher {
  return withSourceCredentials(fetcher, JSON.stringify(credentials), `${server.origin}/anything`);
}

function expectNoSecret(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form);
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  const failed = error as ConnectorError;
  expectNoSecret(`${failed.message} ${failed.url ?? ''} ${JSON.stringify(failed.toRunError())}`);
  expect(failed.cause).toBeUndefined();
  return failed;
}

describe('splitAddressCredentials', () => {
  it.each([
    [
      'https://agent:p%40ss@api.example.nc/v1?page=1',
      'https://api.example.nc/v1?page=1',
      { username: 'agent', password: 'p@ss' },
    ],
    [
      'https://api.example.nc/v1?api_key=k1&page=2&Token=t2',
      'https://api.example.nc/v1?page=2',
      { query: { api_key: 'k1', Token: 't2' } },
    ],
    ['https://www.noumea.nc/rss.xml?lang=fr', 'https://www.noumea.nc/rss.xml?lang=fr', {}],
  ])('%s → %s', (raw, url, credentials) => {
    expect(splitAddressCredentials(raw)).toEqual({ url, credentials });
  });
});

describe('credentials on the wire', () => {
  it('sends headers and query keys to the source origin, and reports the URL without them', async () => {
    server.route('/api', serve('{"ok":true}', 'application/json'));
    const response = await sourceFetcher().fetch({ url: `${server.origin}/api?page=2` });
    const seen = server.requests.at(-1)!;
    expect(seen.headers.authorization).toBe('Bearer hdr-S3CRET-token-0001');
    expect(seen.headers['x-api-key']).toBe('xkey-S3CRET-0002');
    expect(new URL(seen.path, server.origin).searchParams.get('api_key')).toBe('qkey S3CRET/0003');
    expect(response.url).toBe(`${server.origin}/api?page=2`);
  });

  it('sends Basic from a user and password', async () => {
    server.route('/basic', serve('ok', 'text/plain'));
    await sourceFetcher({ username: 'agent', password: 'p@ss:w0rd' }).fetch({ url: `${server.origin}/basic` });
    const header = server.requests.at(-1)!.headers.authorization!;
    expect(Buffer.from(header.replace(/^Basic /, ''), 'base64').toString()).toBe('agent:p@ss:w0rd');
  });

  it('follows a redirect to another origin without any credential', async () => {
    const elsewhere = server.origin.replace('127.0.0.1', 'localhost');
    server.route('/away', (_req, res) => res.writeHead(302, { location: `${elsewhere}/landing` }).end());
    server.route('/landing', serve('ok', 'text/plain'));
    const response = await sourceFetcher().fetch({ url: `${server.origin}/away` });
    expect(response.url).toBe(`${elsewhere}/landing`);
    const landing = server.requests.at(-1)!;
    expect(landing.path).toBe('/landing');
    expect(landing.headers.authorization).toBeUndefined();
    expect(landing.headers['x-api-key']).toBeUndefined();
  });

  it('hides a key a server echoes in a redirect, in the response URL and in failures', async () => {
    const echoed = encodeURIComponent('qkey S3CRET/0003');
    server.route('/echo', (_req, res) =>
      res.writeHead(302, { location: `/api?page=3&api_key=${echoed}&copy=${echoed}` }).end(),
    );
    const response = await sourceFetcher().fetch({ url: `${server.origin}/echo` });
    expect(response.url).toBe(`${server.origin}/api?page=3`);
    server.route('/loop', (_req, res) => res.writeHead(302, { location: `/loop?api_key=${echoed}` }).end());
    expect((await failure(sourceFetcher().fetch({ url: `${server.origin}/loop` }))).code).toBe('too_many_redirects');
    server.route('/ftp', (_req, res) => res.writeHead(302, { location: `ftp://x/?k=${echoed}` }).end());
    expect((await failure(sourceFetcher().fetch({ url: `${server.origin}/ftp` }))).code).toBe('forbidden_address');
  });

  it('keeps secrets out of HTTP, network and timeout failures', async () => {
    server.route('/denied', (_req, res) => res.writeHead(401).end('bad key qkey S3CRET/0003'));
    expect((await failure(sourceFetcher().fetch({ url: `${server.origin}/denied` }))).code).toBe('http_4xx');
    server.route('/reset', (req) => req.socket.destroy());
    expect((await failure(sourceFetcher().fetch({ url: `${server.origin}/reset` }))).code).toBe('connection');
    const elsewhere = `http://127.0.0.1:1/closed?api_key=${encodeURIComponent('qkey S3CRET/0003')}`;
    server.route('/to-closed', (_req, res) => res.writeHead(302, { location: elsewhere }).end());
    const closed = await failure(sourceFetcher().fetch({ url: `${server.origin}/to-closed` }));
    expect(closed.code).toBe('connection');
  });

  it('fails with bad_config, without a secret, when credentials cannot be opened', async () => {
    const plain = createTestFetcher();
    const sealed = withSourceCredentials(plain, '{"headers":{"A":"S3CRET"}}', `${server.origin}/x`);
    const error = await failure(sealed.fetch({ url: `${server.origin}/api` }));
    expect(error.code).toBe('bad_config');
    await plain.close();
  });
});
