import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile, SHORT_CACHE, toServedFile } from '../../../hub/assets/index.js';

// Words drawn by a fixed pseudo-random sequence: a text where a better compression level finds more.
const WORDS = ['commune', 'démarche', 'province', 'carte', 'grise', 'mairie', 'état', 'civil', 'aide', 'logement'];
let seed = 7;
const TEXT = Array.from({ length: 30_000 }, () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return WORDS[seed % WORDS.length];
}).join(' ');

describe('a file served from memory', () => {
  const file = toServedFile(TEXT, 'text/css; charset=utf-8');
  const quick = toServedFile(TEXT, 'text/css; charset=utf-8', 'quick');
  let base = '';
  let server: ReturnType<Koa['listen']>;

  beforeAll(async () => {
    const app = new Koa();
    app.use((ctx) => sendFile(ctx, ctx.path === '/quick' ? quick : file, SHORT_CACHE));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('gives each encoding the same text, with its own ETag', async () => {
    const raw = async (encoding: string) => {
      const res = await fetch(`${base}/`, { headers: { 'Accept-Encoding': encoding } });
      // fetch decodes gzip and br itself: the body read here is what the client sees.
      return { res, text: await res.text() };
    };
    const br = await raw('br');
    const gz = await raw('gzip');
    const plain = await raw('identity');
    for (const { text } of [br, gz, plain]) expect(text).toBe(TEXT);
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(br.res.headers.get('etag')).toBe(file.etag.replace(/"$/, '-br"'));
    expect(plain.res.headers.get('etag')).toBe(file.etag);
  });

  it('compresses an encoding once, when first asked, and keeps it', async () => {
    const fresh = toServedFile(TEXT, 'text/plain');
    const first = fresh.body('br');
    const second = fresh.body('br');
    expect(second).toBe(first);
    const body = await first;
    expect(await fresh.body('br')).toBe(body);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(TEXT);
    expect(gunzipSync(await fresh.body('gzip')).toString('utf8')).toBe(TEXT);
    expect(await fresh.body('identity')).toBe(fresh.identity);
  });

  it('compresses at the best level by default and at a quick one when asked (sitemaps)', async () => {
    const best = await file.body('br');
    const fast = await quick.body('br');
    expect(brotliDecompressSync(fast).toString('utf8')).toBe(TEXT);
    // Brotli 11 finds more than brotli 5 in these words.
    expect(best.length).toBeLessThan(fast.length);
  });
});
