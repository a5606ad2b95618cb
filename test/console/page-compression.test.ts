/**
 * Console pages are compressed for one response only (issue 11: a page's CPU): brotli at
 * a low quality (gzip at a low level) on the hub's thread, not the quality 5 of the pages
 * kept in the rendered pages — a fifth of the CPU for about 12 % more bytes. The bytes decompress to the same page.
 */
import { get } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_REQUEST_BROTLI_QUALITY, PER_REQUEST_GZIP_LEVEL } from '../../hub/ui/index.js';
import { createSource } from '../../hub/sources/index.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';

let hub: TestHub;
let client: ConsoleClient;

/** The raw bytes of a page (node:http does not decompress) and the encoding chosen. */
function raw(path: string, encoding: string): Promise<{ body: Buffer; encoding: string; status: number }> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    get(hub.url + path, { headers: { cookie, 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          body: Buffer.concat(chunks),
          encoding: res.headers['content-encoding'] ?? 'identity',
          status: res.statusCode ?? 0,
        }),
      );
    }).on('error', reject);
  });
}

const brotli = (html: Buffer, quality: number) =>
  brotliCompressSync(html, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: html.length },
  });

describe('console pages compressed per request', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolecompress' });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    for (let i = 0; i < 12; i += 1)
      await createSource({
        partnerId: 'koumac',
        kind: 'feed',
        url: `https://www.koumac.nc/flux-${i}.xml`,
        name: `Flux ${i}`,
        enabled: false,
      });
    client = await signInAs(hub, 'ana@koumac.nc');
  });
  afterAll(() => hub?.stop());

  it('sends brotli at the per-request quality, gzip at its level, both the page itself', async () => {
    expect(PER_REQUEST_BROTLI_QUALITY).toBeLessThan(5);
    const plain = await raw('/console/sources', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBe('identity');
    expect(plain.body.length).toBeGreaterThan(4096);
    expect(plain.body.toString()).toContain('Flux 11');

    const br = await raw('/console/sources', 'br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    // The very bytes of the per-request quality: quality 5 (the kept pages' setting) gives other bytes.
    expect(br.body.equals(brotli(plain.body, PER_REQUEST_BROTLI_QUALITY))).toBe(true);
    expect(br.body.equals(brotli(plain.body, 5))).toBe(false);
    // Still far smaller than the page: a slow network gets a few KB.
    expect(br.body.length).toBeLessThan(plain.body.length / 3);

    const gz = await raw('/console/sources', 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.equals(gzipSync(plain.body, { level: PER_REQUEST_GZIP_LEVEL }))).toBe(true);
  });
});
