/**
 * Partners' images through the hub: signed addresses only (no open proxy), fetched with
 * the connectors' fetcher once per change and kept in the database for every hub process,
 * resized, AVIF/WebP by Accept, ETag and 304, and a quiet placeholder for anything that is
 * not a servable image (unreachable, not an image, too large, a dimensions bomb).
 */
import { request as httpRequest } from 'node:http';
import { deflateSync } from 'node:zlib';
import mongoose from 'mongoose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  imageSrcset,
  imageUrl,
  purgeUnusedImages,
  REVALIDATE_MS,
  rewriteContentImages,
  UNUSED_IMAGE_MS,
  withImageKey,
} from '../../../hub/images/index.js';
import { SanitizedHtml } from '../../../hub/ui/index.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { insertItems } from '../../helpers/items.js';

let hub: TestHub;
let partner: LoopbackServer;
let photo: Buffer;
let photoEtag = '"photo-v1"';

const AVIF = 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8';

/** A PNG whose header declares `width` × `height` pixels but whose data is a few bytes. */
function dimensionsBomb(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function makePhoto(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function fetchesOf(path: string): number {
  return partner.requests.filter((r) => r.path === path).length;
}

async function get(path: string, accept = AVIF, headers: Record<string, string> = {}) {
  const res = await hub.request(path, { headers: { Accept: accept, ...headers } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  partner = await startLoopbackServer();
  photo = await makePhoto({ r: 20, g: 110, b: 190 });
  partner.route('/photo.jpg', (req, res) => {
    if (req.headers['if-none-match'] === photoEtag) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'image/jpeg', etag: photoEtag }).end(photo);
  });
  const logo = await sharp({
    create: { width: 400, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .png()
    .toBuffer();
  partner.route('/logo.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(logo));
  partner.route('/page.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>'));
  partner.route('/bomb.png', (_req, res) =>
    res.writeHead(200, { 'content-type': 'image/png' }).end(dimensionsBomb(50_000, 50_000)),
  );
  partner.route('/huge.jpg', (_req, res) =>
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(11 * 1024 * 1024, 1)),
  );
  partner.route('/drawing.svg', (_req, res) =>
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  );
  partner.route('/to-private', (_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/x.jpg' }).end());
  hub = await startTestHub({ seed: true, label: 'images' });
});
afterAll(async () => {
  await hub.stop();
  await partner.close();
});

describe('image addresses', () => {
  it('are the hub’s, at served widths, and a forged or altered key is not fetched', async () => {
    const url = `${partner.origin}/photo.jpg`;
    expect(imageUrl({ url }, 300)).toMatch(/^\/images\/[\w-]+\.[\w-]{22}\/320$/);
    expect(imageUrl(url, 2000, 'https://hub.nc')).toMatch(/^https:\/\/hub\.nc\/images\/.+\/1280$/);
    expect(
      imageSrcset(url)
        .split(', ')
        .map((s) => s.split(' ')[1]),
    ).toEqual(['320w', '480w', '640w', '960w', '1280w']);
    const forged = `${Buffer.from(url).toString('base64url')}.${'A'.repeat(22)}`;
    const { res, body } = await get(`/images/${forged}/320`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(body.toString()).toContain('<svg');
    expect((await get(`${imageUrl(url, 320).replace(/\/320$/, '')}/333`)).res.status).toBe(404);
    expect(fetchesOf('/photo.jpg')).toBe(0);
  });
});

describe('GET /images/:key/:width', () => {
  const path = (name: string, width: number) => imageUrl(`${partner.origin}/${name}`, width);

  it('serves AVIF, WebP or JPEG by Accept, resized, cacheable, with Vary: Accept — fetched once', async () => {
    const avif = await get(path('photo.jpg', 320));
    expect(avif.res.status).toBe(200);
    expect(avif.res.headers.get('content-type')).toBe('image/avif');
    expect(avif.res.headers.get('vary')).toMatch(/Accept/);
    expect(avif.res.headers.get('cache-control')).toMatch(/public, max-age=86400/);
    expect(avif.res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    const avifMeta = await sharp(avif.body).metadata();
    expect([avifMeta.format, avifMeta.width, avifMeta.height]).toEqual(['heif', 320, 180]);

    const webp = await get(path('photo.jpg', 960), 'image/webp,*/*');
    expect(webp.res.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(webp.body).metadata()).width).toBe(960);
    const jpeg = await get(path('photo.jpg', 640), '*/*');
    expect(jpeg.res.headers.get('content-type')).toBe('image/jpeg');
    expect(jpeg.body.length).toBeLessThan(photo.length);
    // Three widths and formats, one fetch from the partner.
    expect(fetchesOf('/photo.jpg')).toBe(1);
  });

  it('keeps transparency: PNG for a browser without WebP', async () => {
    const { res, body } = await get(path('logo.png', 160), 'image/png,*/*');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(body).metadata()).hasAlpha).toBe(true);
  });

  it('answers 304 to a browser that has the variant', async () => {
    const first = await get(path('photo.jpg', 320));
    const etag = first.res.headers.get('etag')!;
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(hub.url + path('photo.jpg', 320));
      httpRequest(url, { headers: { Accept: AVIF, 'If-None-Match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(304);
  });

  it('is shared by another hub process on the same database: served without fetching again', async () => {
    const second = await startTestHub({ databaseUri: hub.databaseUri, label: 'images-2' });
    try {
      const res = await fetch(second.url + path('photo.jpg', 320), { headers: { Accept: AVIF } });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe((await get(path('photo.jpg', 320))).res.headers.get('etag'));
      expect(fetchesOf('/photo.jpg')).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('rechecks the partner after a week: a 304 keeps it, a change makes new variants', async () => {
    const sources = mongoose.connection.db!.collection('image_sources');
    const age = () => sources.updateMany({}, { $set: { checkedAt: new Date(Date.now() - 8 * 86_400_000) } });
    const before = (await get(path('photo.jpg', 320))).res.headers.get('etag');
    await age();
    expect((await get(path('photo.jpg', 320))).res.headers.get('etag')).toBe(before);
    expect(fetchesOf('/photo.jpg')).toBe(2);
    expect(partner.requests.filter((r) => r.path === '/photo.jpg').at(-1)?.headers['if-none-match']).toBe('"photo-v1"');
    photo = await makePhoto({ r: 200, g: 40, b: 40 });
    photoEtag = '"photo-v2"';
    await age();
    const changed = await get(path('photo.jpg', 320));
    expect(changed.res.headers.get('etag')).not.toBe(before);
    expect(fetchesOf('/photo.jpg')).toBe(3);
    const { dominant } = await sharp(changed.body).stats();
    expect(dominant.r).toBeGreaterThan(150);
  });

  it.each([
    ['page.html', 'not an image'],
    ['bomb.png', 'a PNG declaring 50,000 × 50,000 pixels'],
    ['huge.jpg', 'an 11 MB body (over the 10 MiB cap)'],
    ['drawing.svg', 'an SVG document'],
    ['missing.jpg', 'a 404'],
    ['to-private', 'a redirect to a private address'],
  ])('answers a placeholder, not an error page, for %s (%s) and remembers it', async (name) => {
    const started = Date.now();
    const { res, body } = await get(path(name, 480));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(body.toString()).toMatch(/^<svg [^>]*width="480" height="270"/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const fetched = fetchesOf(`/${name}`);
    expect((await get(path(name, 320))).res.status).toBe(404);
    expect(fetchesOf(`/${name}`)).toBe(fetched);
  });
});

describe('items in the API', () => {
  it('carry their image key, and their content images point to the hub', async () => {
    const image = { url: `${partner.origin}/photo.jpg`, alt: 'Le port' };
    await insertItems([
      {
        id: 'images-item',
        partnerId: 'noumea',
        title: 'Travaux au port autonome',
        image,
        content: `<p>Avant :</p><img src="${partner.origin}/logo.png" alt="Plan"><p>Après.</p>`,
      },
    ]);
    await hub.services.catalog.search.refresh();
    const item = (await (await hub.request('/api/v1/items/images-item')).json()) as {
      image: { url: string; key: string };
      content: string;
    };
    expect(item.image).toEqual(withImageKey(image));
    expect(item.content).not.toContain(`src="${partner.origin}`);
    expect(item.content).toContain(`src="http://portal.test${imageUrl(`${partner.origin}/logo.png`, 640)}"`);
    expect(item.content).toMatch(/srcset="http:\/\/portal\.test\/images\/[^"]+ 320w, /);
    expect(item.content).toContain('loading="lazy"');
    expect(item.content).toContain('<p>Avant :</p>');
    const list = (await (await hub.request('/api/v1/items?q=port%20autonome')).json()) as {
      items: { id: string; image?: { key: string } }[];
    };
    expect(list.items.find((i) => i.id === 'images-item')?.image?.key).toBe(item.image.key);
  });
});

describe('partner content on pages (SanitizedHtml)', () => {
  it('shows content images through the hub, once, and leaves everything else as it was', async () => {
    const src = `${partner.origin}/photo.jpg`;
    const content = `<p>Le <strong>quai</strong> :</p><img src="${src}" alt="Le quai" width="800"><p>Fin.</p>`;
    const html = renderToString(h(SanitizedHtml, { html: content, class: 'pl-prose' }));
    expect(html).not.toContain(partner.origin);
    expect(html).toContain(`src="${imageUrl(src, 640)}"`);
    expect(html).toContain('alt="Le quai"');
    expect(html).toMatch(/^<div class="pl-prose"><p>Le <strong>quai<\/strong> :<\/p><img /);
    // Content already pointing to the hub (as the API gives it) is not wrapped a second time.
    const fromApi = rewriteContentImages(content, 'https://hub.nc');
    expect(rewriteContentImages(fromApi, 'https://hub.nc')).toBe(fromApi);
    expect(renderToString(h(SanitizedHtml, { html: fromApi }))).toBe(`<div>${fromApi}</div>`);
    // The address the page gets is served.
    const { res } = await get(imageUrl(src, 640));
    expect(res.status).toBe(200);
  });
});

describe('the daily purge', () => {
  it('forgets images nobody viewed for a month, with their variants, and keeps the others', async () => {
    const db = mongoose.connection.db!;
    expect((await get(path480('logo.png'))).res.status).toBe(200);
    expect((await get(path480('photo.jpg'))).res.status).toBe(200);
    const logoUrl = `${partner.origin}/logo.png`;
    const old = new Date(Date.now() - REVALIDATE_MS - UNUSED_IMAGE_MS - 60_000);
    await db.collection('image_sources').updateOne({ url: logoUrl }, { $set: { checkedAt: old } });
    const logo = await db.collection('image_sources').findOne({ url: logoUrl });
    expect(await db.collection('image_variants').countDocuments({ source: logo!._id })).toBeGreaterThan(0);

    expect(await purgeUnusedImages(new Date())).toBe(1);
    expect(await db.collection('image_sources').countDocuments({ url: logoUrl })).toBe(0);
    expect(await db.collection('image_variants').countDocuments({ source: logo!._id })).toBe(0);
    expect(await db.collection('image_sources').countDocuments({ url: `${partner.origin}/photo.jpg` })).toBe(1);
    expect(await purgeUnusedImages(new Date())).toBe(0);
    // Viewed again, it is fetched again.
    const fetched = fetchesOf('/logo.png');
    expect((await get(path480('logo.png'))).res.status).toBe(200);
    expect(fetchesOf('/logo.png')).toBe(fetched + 1);
  });
});

function path480(name: string): string {
  return imageUrl(`${partner.origin}/${name}`, 480);
}
