/**
 * A partner's web site on a loopback port, for the console's tests: its home page announces
 * an RSS feed (`<link rel="alternate">`, for discovery), the feed has 3 entries, and the feed
 * can be made to fail (HTTP 500) to see a source fail.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeRss, numberedEntries } from './rss.js';

export interface PartnerSite {
  /** http://127.0.0.1:<port> (no trailing slash). */
  url: string;
  /** The feed's address. */
  feedUrl: string;
  /** From now on the feed answers 500 (true) or its entries (false). */
  setFailing(failing: boolean): void;
  close(): Promise<void>;
}

export async function startPartnerSite(partnerId = 'koumac', title = 'Actualités de Koumac'): Promise<PartnerSite> {
  let failing = false;
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>${partnerId}</title><link rel="alternate" type="application/rss+xml" title="${title}" href="/actus.xml"></head><body></body></html>`,
      );
    } else if (req.url === '/actus.xml' && !failing) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(makeRss(numberedEntries(3, partnerId, `https://www.${partnerId}.nc`)));
    } else {
      res.writeHead(500);
      res.end('panne');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    feedUrl: `${url}/actus.xml`,
    setFailing: (f) => void (failing = f),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
