import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError, request, RequestError, toQuery } from '../../../widgets/src/request.js';

let server: Server;
let base: string;
let lastHeaders: IncomingHttpHeaders = {};
let lastBody = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers;
    lastBody = '';
    req.on('data', (c: Buffer) => {
      lastBody += c.toString();
    });
    req.on('end', () => {
      if (req.url === '/ok')
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"likes":3,"liked":true}');
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end('{}'), 2000);
      if (req.url === '/limited') {
        return res
          .writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '42' })
          .end('{"code":"rate_limited","status":429}');
      }
      if (req.url === '/html-error')
        return res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
      res.writeHead(409, { 'Content-Type': 'application/problem+json' }).end('{"code":"already_flagged","status":409}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(RequestError);
    return err as RequestError;
  }
  throw new Error('expected a failure');
}

describe('request', () => {
  it('returns JSON and sends the visitor key and JSON body only when asked', async () => {
    expect(await request(base, '/ok')).toEqual({ likes: 3, liked: true });
    expect(lastHeaders['passerelle-visitor']).toBeUndefined();
    await request(base, '/ok', { method: 'POST', visitor: true, body: { reason: 'spam' } });
    expect(lastHeaders['passerelle-visitor']).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(lastHeaders['content-type']).toBe('application/json');
    expect(JSON.parse(lastBody)).toEqual({ reason: 'spam' });
    expect(await request(base, '/empty', { method: 'DELETE' })).toBeUndefined();
  });

  it('turns a problem into its code, with Retry-After', async () => {
    const conflict = await failure(request(base, '/flag', { method: 'POST' }));
    expect([conflict.code, conflict.status]).toEqual(['already_flagged', 409]);
    const limited = await failure(request(base, '/limited'));
    expect([limited.code, limited.retryAfter]).toEqual(['rate_limited', 42]);
    expect(describeError('fr', limited)).toBe("Trop d'envois en peu de temps. Réessayez dans 42 secondes.");
  });

  it('turns a non-JSON error and an unreachable hub into the outage message', async () => {
    const html = await failure(request(base, '/html-error'));
    expect(html.code).toBe('http_502');
    expect(describeError('fr', html)).toBe('Le service est momentanément indisponible. Réessayez plus tard.');
    const closed = await failure(request('http://127.0.0.1:1', '/api/v1/items'));
    expect(closed.code).toBe('network');
    expect(describeError('fr', closed)).toBe('Le service est momentanément indisponible. Réessayez plus tard.');
    expect(describeError('en', closed)).toBe('The service is temporarily unavailable. Please try again later.');
  });

  it('reports a caller abort as "aborted"', async () => {
    const controller = new AbortController();
    const pending = request(base, '/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('gives a generic French sentence for unknown 4xx codes', () => {
    expect(describeError('fr', new RequestError('weird_code', 400))).toBe(
      "La demande n'a pas abouti. Réessayez plus tard.",
    );
    expect(describeError('fr', new Error('boom'))).toBe(
      'Le service est momentanément indisponible. Réessayez plus tard.',
    );
  });
});

describe('toQuery', () => {
  it('keeps defined, non-empty values, encoded', () => {
    expect(toQuery({ q: 'permis de conduire', partner: undefined, type: '', limit: 5 })).toBe(
      '?q=permis+de+conduire&limit=5',
    );
    expect(toQuery({})).toBe('');
  });
});
