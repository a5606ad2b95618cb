import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pingWebSubHub } from '../../../hub/syndication/index.js';

interface Received {
  method?: string;
  contentType?: string;
  body: string;
}

const servers: Server[] = [];

/** A loopback hub answering each request with `status` (or never, when status is 0). */
async function startHub(status: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({ method: req.method, contentType: req.headers['content-type'], body });
      if (status) res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`, received };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('pingWebSubHub', () => {
  const topics = ['http://127.0.0.1/feeds/items.rss?topic=emploi&type=news', 'http://127.0.0.1/feeds/items.atom'];

  it('posts hub.mode=publish and hub.url form-encoded, one request per topic', async () => {
    const hub = await startHub(204);
    const results = await pingWebSubHub(hub.url, topics);
    expect(results).toEqual(topics.map((topic) => ({ topic, ok: true, status: 204 })));
    expect(hub.received).toHaveLength(2);
    for (const r of hub.received) {
      expect(r.method).toBe('POST');
      expect(r.contentType).toBe('application/x-www-form-urlencoded');
    }
    const sent = hub.received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(sent).toEqual(expect.arrayContaining(topics.map((topic) => ({ 'hub.mode': 'publish', 'hub.url': topic }))));
  });

  it('reports a refusing hub without throwing', async () => {
    const hub = await startHub(500);
    const [result] = await pingWebSubHub(hub.url, [topics[0]!]);
    expect(result).toEqual({ topic: topics[0], ok: false, status: 500, error: 'websub: hub answered HTTP 500' });
  });

  it('gives up after the timeout without throwing', async () => {
    const hub = await startHub(0);
    const started = Date.now();
    const [result] = await pingWebSubHub(hub.url, [topics[0]!], { timeoutMs: 150 });
    expect(result).toEqual({ topic: topics[0], ok: false, error: 'websub: timeout after 150 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an unreachable hub without throwing', async () => {
    const hub = await startHub(204);
    const url = hub.url;
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    const [result] = await pingWebSubHub(url, [topics[0]!]);
    expect(result?.ok).toBe(false);
    expect(result?.error).toMatch(/^websub: /);
  });

  it('takes a fetch implementation as third argument, and survives one that throws', async () => {
    const calls: string[] = [];
    const results = await pingWebSubHub('https://hub.example/', ['https://a.example/feed'], async (url, init) => {
      calls.push(`${url} ${init.body}`);
      throw new TypeError('réseau coupé');
    });
    expect(calls).toEqual(['https://hub.example/ hub.mode=publish&hub.url=https%3A%2F%2Fa.example%2Ffeed']);
    expect(results).toEqual([{ topic: 'https://a.example/feed', ok: false, error: 'websub: réseau coupé' }]);
  });
});
