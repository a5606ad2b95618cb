/**
 * Share cards and share links over real HTTP: Open Graph and Twitter tags with absolute
 * addresses from PUBLIC_URL (the image through the hub's /images/ route), links to the
 * networks' own share pages, correctly encoded, and no third-party script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { validateHtml } from '../helpers/html-validate.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { insertItems } from '../helpers/items.js';
import { getPage, rawGet } from './helpers/http.js';

const PUBLIC_URL = 'http://portal.test';
const TITLE = 'Piscine & plage : horaires d’été « 2027 »';
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'portalshare' });
  await insertItems([
    {
      id: 'noumea-ete',
      partnerId: 'noumea',
      title: TITLE,
      summary: 'Les piscines ouvrent plus tôt de décembre à février.',
      image: { url: 'https://www.noumea.nc/files/piscine.jpg', alt: 'Bassin de la piscine du Ouen Toro' },
    },
    { id: 'kone-marche', partnerId: 'kone', title: 'Marché de Koné', summary: 'Le samedi matin.', topics: ['emploi'] },
  ]);
  await hub.services.catalog.search.refresh();
});
afterAll(() => hub?.stop());

/** The content of each <meta property|name="…">. */
function metaOf(html: string): Map<string, string> {
  const tags = [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)];
  return new Map(tags.map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')]));
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a class="pl-share__link" href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('share card (Open Graph)', () => {
  it('gives an item page its card with absolute addresses, the image through the hub', async () => {
    const { res, html } = await getPage(hub, '/articles/noumea-ete');
    expect(res.status).toBe(200);
    const meta = metaOf(html);
    expect(meta.get('og:type')).toBe('article');
    expect(meta.get('og:locale')).toBe('fr_FR');
    expect(meta.get('og:url')).toBe(`${PUBLIC_URL}/articles/noumea-ete`);
    expect(meta.get('og:title')).toBe(applyFrenchTypography(TITLE));
    expect(meta.get('og:title')).not.toBe(TITLE);
    expect(meta.get('og:description')).toBe('Les piscines ouvrent plus tôt de décembre à février.');
    expect(meta.get('twitter:card')).toBe('summary');
    expect(meta.get('og:image')).toMatch(new RegExp(`^${PUBLIC_URL}/images/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+/1280$`));
    expect(meta.get('og:image:alt')).toBe('Bassin de la piscine du Ouen Toro');
    // The hub serves that very address (the key is its own).
    const imagePath = meta.get('og:image')!.slice(PUBLIC_URL.length);
    const item = (await (await hub.request('/api/v1/items/noumea-ete')).json()) as { image: { key: string } };
    expect(imagePath).toBe(`/images/${item.image.key}/1280`);
  });

  it('gives no og:image to an item without an image', async () => {
    const { html } = await getPage(hub, '/articles/kone-marche');
    expect(metaOf(html).has('og:image')).toBe(false);
    expect(metaOf(html).get('og:url')).toBe(`${PUBLIC_URL}/articles/kone-marche`);
  });
});

describe('share links', () => {
  it('links to each network’s share page, the address and title encoded once', async () => {
    const { html } = await getPage(hub, '/articles/noumea-ete');
    const url = encodeURIComponent(`${PUBLIC_URL}/articles/noumea-ete`);
    const title = encodeURIComponent(applyFrenchTypography(TITLE));
    expect(hrefsOf(html)).toEqual([
      `https://www.facebook.com/sharer/sharer.php?u=${url}`,
      `https://x.com/intent/tweet?url=${url}&text=${title}`,
      `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
      `https://wa.me/?text=${title}%20${url}`,
      `mailto:?subject=${title}&body=${title}%0A%0A${url}`,
    ]);
    // Decoding gives back the very address: nothing double-encoded, no « + » for spaces.
    const x = new URL(hrefsOf(html)[1]!);
    expect(x.searchParams.get('url')).toBe(`${PUBLIC_URL}/articles/noumea-ete`);
    expect(hrefsOf(html)[4]).not.toContain('+');
  });

  it('names each link in French, opens networks in a new window without opener nor referrer', async () => {
    const { html } = await getPage(hub, '/articles/noumea-ete');
    expect(html).toContain(
      '<a class="pl-share__link" href="https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fportal.test%2Farticles%2Fnoumea-ete" target="_blank" rel="noopener noreferrer"><span class="pl-visually-hidden">Partager sur </span>Facebook<span class="pl-visually-hidden"> (nouvelle fenêtre)</span></a>',
    );
    const links = [...html.matchAll(/<a class="pl-share__link"[^>]*>/g)].map((m) => m[0]);
    expect(links).toHaveLength(5);
    expect(links.filter((l) => l.includes('target="_blank" rel="noopener noreferrer"'))).toHaveLength(4);
    expect(html).toContain('<span class="pl-visually-hidden">Envoyer par </span>Courriel</a>');
    expect(html).toMatch(
      /<input class="pl-share__field" id="partager-adresse" type="url" value="http:\/\/portal.test\/articles\/noumea-ete" readonly\/?>/,
    );
    expect(html).toContain('<button class="pl-button pl-button--secondary pl-share__button" type="button" hidden');
  });

  it('loads no third-party script, no iframe; its own script is served under its hash', async () => {
    const { html } = await getPage(hub, '/articles/noumea-ete');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/[^/]/);
    expect(html).not.toContain('<iframe');
    const share = scripts.find((s) => s.startsWith('/assets/partage.'))!;
    const script = await rawGet(hub, share);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.body).toContain('navigator.clipboard');
    expect((await rawGet(hub, '/assets/partage.ancienne.js')).status).toBe(404);
    expect(await validateHtml(html)).toEqual([]);
  });

  it('is on the home, theme and commune pages too, sharing their canonical address', async () => {
    for (const [path, shared] of [
      ['/', '/'],
      ['/themes/emploi?page=1', '/themes/emploi'],
      ['/communes/kone', '/communes/kone'],
    ] as const) {
      const { res, html } = await getPage(hub, path);
      expect(res.status, path).toBe(200);
      expect(hrefsOf(html)[0], path).toBe(
        `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(PUBLIC_URL + shared)}`,
      );
      expect(metaOf(html).get('og:url'), path).toMatch(new RegExp(`^${PUBLIC_URL}/`));
      expect(await validateHtml(html), path).toEqual([]);
    }
  });
});
