/**
 * A partner's web site for the end-to-end tests: a loopback server on another port than
 * the hub (so another origin), serving pages that paste the widget snippets.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface HostSite {
  origin: string;
  /** Serves `html` at `path` (text/html). */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

/** A 1×1 transparent PNG, for item images. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A 1200 × 675 photograph-like JPEG (a gradient with a shape), for items whose image is shown large. */
async function makePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb8e6"/><stop offset="1" stop-color="#1d5f8c"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/><rect y="470" width="1200" height="205" fill="#2f6d3a"/><circle cx="930" cy="160" r="70" fill="#ffd35a"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Starts the host site on 127.0.0.1 and a free port. */
export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, string>();
  const photo = await makePhoto();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.endsWith('.png')) return res.writeHead(200, { 'Content-Type': 'image/png' }).end(PIXEL);
    if (path.endsWith('.jpg')) return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(photo);
    const html = pages.get(path);
    if (html === undefined) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setPage: (path, html) => void pages.set(path, html),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface HostPageOptions {
  hubUrl: string;
  /** Widget markup placed in <main>. */
  body: string;
  /** Extra attributes of the embed.js script tag, e.g. 'data-lang="en"'. */
  scriptAttributes?: string;
  /** The site's own CSS. */
  css?: string;
  /** Leave the script out (control pages). */
  withoutScript?: boolean;
  /** Inline script run before embed.js. */
  before?: string;
}

/** A partner page that pastes the snippets: a heading, the widgets, then embed.js. */
export function renderHostPage(options: HostPageOptions): string {
  const script = options.withoutScript
    ? ''
    : `<script src="${options.hubUrl}/widgets/v1/embed.js" ${options.scriptAttributes ?? ''}></script>`;
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mairie — site partenaire</title><link rel="icon" href="data:,">
<style>${options.css ?? ''}</style></head>
<body>
<main>
<h1>Site de la mairie</h1>
${options.body}
</main>
${options.before ? `<script>${options.before}</script>` : ''}
${script}
</body>
</html>`;
}
