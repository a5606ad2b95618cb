/**
 * The link check against loopback servers the test starts, on the real (test) database:
 * broken after two failures and ok again after one success, HEAD refused → GET, redirects
 * recorded (a permanent chain offered as the new address), conditional requests, at most
 * two requests at once to one host, and never a request to an address connectors may not reach.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fetcher } from '../../../connectors/index.js';
import { findLink, linkId, runLinkCheck, type Address } from '../../../hub/link-health/index.js';
import {
  createTestFetcher,
  startLoopbackServer,
  type LoopbackServer,
} from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

let server: LoopbackServer;
let fetcher: Fetcher;

const ref = (id: string) => ({ kind: 'service' as const, id, partnerId: 'province-sud', label: `Service ${id}` });
const at = (...paths: string[]): (() => Promise<Address[]>) => {
  return async () => paths.map((p, i) => ({ url: server.origin + p, refs: [ref(String(i))] }));
};
const check = (collect: () => Promise<Address[]>, f = fetcher) => runLinkCheck({ fetcher: f, collect });
const status =
  (code: number, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) =>
    void res.writeHead(code, headers).end(code === 204 || code === 304 ? undefined : 'x');

beforeAll(async () => {
  await connectTestDatabase('linkcheck');
  fetcher = createTestFetcher();
});
afterAll(async () => {
  await fetcher.close();
  await dropTestDatabase();
});
afterEach(async () => {
  await server?.close();
});

describe('runLinkCheck', () => {
  it('marks a 404 broken after two runs, and ok again once it answers 200', async () => {
    server = await startLoopbackServer();
    const collect = at('/gone');
    const id = linkId(`${server.origin}/gone`);

    const first = await check(collect);
    expect(first).toMatchObject({ checked: 1, broken: 0 });
    expect(await findLink(id)).toMatchObject({ status: 'unchecked', consecutiveFailures: 1, httpStatus: 404 });

    const second = await check(collect);
    expect(second).toMatchObject({ checked: 1, broken: 1 });
    expect(second.newlyBroken.map((l) => l.url)).toEqual([`${server.origin}/gone`]);
    const broken = await findLink(id);
    expect(broken).toMatchObject({ status: 'broken', consecutiveFailures: 2, error: { code: 'http_4xx' } });
    expect(broken?.brokenSince).toBeInstanceOf(Date);
    expect(broken?.error?.message).toMatch(/^le site refuse la demande ou l'adresse n'existe plus \(HTTP 404\)/);

    const third = await check(collect);
    expect(third.newlyBroken).toEqual([]); // told once, not every day
    expect((await findLink(id))?.brokenSince).toEqual(broken?.brokenSince);

    server.route('/gone', status(200));
    const fourth = await check(collect);
    expect(fourth).toMatchObject({ checked: 1, broken: 0, recovered: 1 });
    const ok = await findLink(id);
    expect(ok).toMatchObject({ status: 'ok', consecutiveFailures: 0, httpStatus: 200 });
    expect(ok?.lastOkAt).toBeInstanceOf(Date);
    expect(ok?.brokenSince).toBeUndefined();
    expect(ok?.error).toBeUndefined();
  });

  it('asks with GET when HEAD is refused, and only then', async () => {
    server = await startLoopbackServer();
    const methods: string[] = [];
    server.route('/no-head', (req, res) => {
      methods.push(`no-head ${req.method}`);
      res.writeHead(req.method === 'HEAD' ? 405 : 200).end(req.method === 'HEAD' ? undefined : 'page');
    });
    server.route('/head-ok', (req, res) => {
      methods.push(`head-ok ${req.method}`);
      res.writeHead(200).end(req.method === 'HEAD' ? undefined : 'page');
    });
    await check(at('/no-head', '/head-ok'));
    expect(methods.sort()).toEqual(['head-ok HEAD', 'no-head GET', 'no-head HEAD']);
    expect(await findLink(linkId(`${server.origin}/no-head`))).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('records a redirect chain and offers a permanent one as the new address', async () => {
    server = await startLoopbackServer();
    server.route('/old', status(301, { location: '/middle' }));
    server.route('/middle', status(308, { location: '/new' }));
    server.route('/new', status(200));
    server.route('/temporary', status(302, { location: '/new' }));
    await check(at('/old', '/temporary'));
    const moved = await findLink(linkId(`${server.origin}/old`));
    expect(moved).toMatchObject({
      status: 'ok',
      finalUrl: `${server.origin}/new`,
      movedTo: `${server.origin}/new`,
      redirects: [
        { url: `${server.origin}/old`, status: 301 },
        { url: `${server.origin}/middle`, status: 308 },
      ],
    });
    const temporary = await findLink(linkId(`${server.origin}/temporary`));
    expect(temporary).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/new` });
    expect(temporary?.movedTo).toBeUndefined();
  });

  it('sends the last validators back and takes a 304 as a success', async () => {
    server = await startLoopbackServer();
    const seen: Array<string | undefined> = [];
    server.route('/page', (req, res) => {
      seen.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"' }).end();
    });
    await check(at('/page'));
    await check(at('/page'));
    expect(seen).toEqual([undefined, '"v1"']);
    expect(await findLink(linkId(`${server.origin}/page`))).toMatchObject({ status: 'ok', httpStatus: 304 });
  });

  it('never sends more than 2 requests at once to one host, while other hosts go on', async () => {
    server = await startLoopbackServer();
    const other = await startLoopbackServer();
    let active = 0;
    let most = 0;
    const slow = (_req: IncomingMessage, res: ServerResponse) => {
      active += 1;
      most = Math.max(most, active);
      setTimeout(() => {
        active -= 1;
        res.writeHead(200).end();
      }, 60);
    };
    const paths = Array.from({ length: 12 }, (_, i) => `/p${i}`);
    for (const p of paths) server.route(p, slow);
    other.route('/fast', status(200));
    const started = Date.now();
    const report = await runLinkCheck({
      fetcher,
      concurrency: 8,
      collect: async () => [
        ...paths.map((p, i) => ({ url: server.origin + p, refs: [ref(`s${i}`)] })),
        { url: `${other.origin}/fast`, refs: [ref('o')] },
      ],
    });
    await other.close();
    expect(report).toMatchObject({ checked: 13, broken: 0 });
    expect(most).toBe(2);
    // 12 pages two at a time: six rounds of 60 ms at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(6 * 60);
    expect(other.requests).toHaveLength(1);
  });

  it('never requests a private address that is not allowed, even through a redirect', async () => {
    server = await startLoopbackServer(); // 127.0.0.1, allowed as in the tests' SOURCE_ALLOWED_HOSTS
    const hidden = await startLoopbackServer('127.0.0.2'); // loopback too, but not allowed
    hidden.route('/secret', status(200));
    server.route('/jump', status(302, { location: `${hidden.origin}/secret` }));
    const guarded = createTestFetcher({ allowedHosts: ['127.0.0.1'] });
    const report = await runLinkCheck({
      fetcher: guarded,
      collect: async () => [
        { url: `${hidden.origin}/secret`, refs: [ref('direct')] },
        { url: `${server.origin}/jump`, refs: [ref('redirected')] },
      ],
    });
    await guarded.close();
    await hidden.close();
    expect(report.checked).toBe(2);
    expect(hidden.requests).toEqual([]);
    for (const url of [`${hidden.origin}/secret`, `${server.origin}/jump`])
      expect(await findLink(linkId(url))).toMatchObject({
        consecutiveFailures: 1,
        error: { code: 'forbidden_address' },
      });
  });

  it('forgets the records of addresses nothing names any more', async () => {
    server = await startLoopbackServer();
    await check(at('/a', '/b'));
    const report = await check(at('/a'));
    expect(report.forgotten).toBeGreaterThanOrEqual(1);
    expect(await findLink(linkId(`${server.origin}/b`))).toBeUndefined();
    expect(await findLink(linkId(`${server.origin}/a`))).toBeDefined();
  });
});
