/** Small HTTP helpers for the portal's page tests. */
import { get, type IncomingHttpHeaders } from 'node:http';
import type { TestHub } from '../../helpers/hub.js';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * GET through node:http rather than fetch: fetch adds Cache-Control: no-cache to a
 * conditional request, and follows redirects.
 */
export function rawGet(hub: TestHub, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(hub.url + path, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** A page as a browser asks for it. */
export async function getPage(hub: TestHub, path: string, headers: Record<string, string> = {}) {
  const res = await hub.request(path, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers } });
  return { res, html: await res.text() };
}

/** The JSON-LD blocks of a page, parsed. */
export function readJsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

/** The schema.org objects of a page's JSON-LD @graph. */
export function readGraph(html: string): Record<string, unknown>[] {
  return readJsonLd(html).flatMap((block) => (block['@graph'] as Record<string, unknown>[]) ?? [block]);
}

/** The text of the page's elements matching a class, tags stripped. */
export function textsOf(html: string, className: string): string[] {
  const re = new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(re)].map((m) => m[2]!.replace(/<[^>]+>/g, '').trim());
}

/**
 * The bytes sent for `path` with `Accept-Encoding: encoding` (node:http does not
 * decompress, unlike fetch), and the Content-Encoding the server chose.
 */
export function measureTransfer(
  hub: TestHub,
  path: string,
  encoding: 'br' | 'gzip',
): Promise<{ bytes: number; contentEncoding?: string }> {
  return new Promise((resolve, reject) => {
    get(hub.url + path, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () =>
        resolve({
          bytes,
          ...(res.headers['content-encoding'] ? { contentEncoding: res.headers['content-encoding'] } : {}),
        }),
      );
    }).on('error', reject);
  });
}
