/** GET /partenaires, /partenaires/:id, /communes/:id and /themes/:slug over real HTTP, on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateHtml } from '../helpers/html-validate.js';
import { getPage, rawGet, readGraph } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld('portaldirectory');
});
afterAll(() => world?.stop());

/** The feed a page links as `<link rel="alternate">` in JSON Feed, fetched. */
async function readLinkedFeed(html: string): Promise<string[]> {
  const href = /<link rel="alternate" type="application\/feed\+json" title="[^"]*" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  const feed = (await (await world.hub.request(href!.replace(/&amp;/g, '&'))).json()) as { items: { id: string }[] };
  return feed.items.map((i) => i.id);
}

/** The /articles/:id links of a page, in order. */
function itemIds(html: string): string[] {
  return [...html.matchAll(/<h3 class="pl-card__title"><a href="\/articles\/([^"]+)"/g)].map((m) => m[1]!);
}

describe('GET /partenaires', () => {
  it('lists the 45 partners grouped by kind, the communes by province', async () => {
    const { res, html } = await getPage(world.hub, '/partenaires');
    expect(res.status).toBe(200);
    expect(await validateHtml(html)).toEqual([]);
    for (const group of [
      'Provinces (3)',
      'Communes (33)',
      'Gouvernement (1)',
      'État (1)',
      'Établissements publics (5)',
    ])
      expect(html, group).toContain(group);
    expect(html.match(/href="\/(partenaires|communes)\/[a-z0-9-]+"/g)).toHaveLength(45);
    expect(html).toContain('href="/communes/kone"');
  });
});

describe('GET /partenaires/:id', () => {
  it('shows the partner’s website, latest content and feeds, the feed giving the same items', async () => {
    const { res, html } = await getPage(world.hub, '/partenaires/province-sud');
    expect(res.status).toBe(200);
    expect(await validateHtml(html)).toEqual([]);
    expect(html).toContain('href="https://www.province-sud.nc"');
    expect(itemIds(html).sort()).toEqual(['sud-emploi-1', 'sud-emploi-2']);
    expect((await readLinkedFeed(html)).sort()).toEqual(['sud-emploi-1', 'sud-emploi-2']);
    expect(readGraph(html).find((o) => o['@type'] === 'GovernmentOrganization')).toMatchObject({
      name: 'Province Sud',
      url: 'https://www.province-sud.nc',
    });
  });

  it('is a French 404 for an unknown partner', async () => {
    const { res, html } = await getPage(world.hub, '/partenaires/inconnu');
    expect(res.status).toBe(404);
    expect(html).toContain('<title>Page introuvable — Passerelle</title>');
  });
});

describe('GET /communes/:id', () => {
  it('shows what concerns the commune, its province and all of New Caledonia, and offers to choose it', async () => {
    const { res, html } = await getPage(world.hub, '/communes/kone');
    expect(res.status).toBe(200);
    expect(await validateHtml(html)).toEqual([]);
    expect(html).toContain('<h1 class="pl-page-title">Koné</h1>');
    expect(html).toContain('Choisir Koné comme ma commune');
    const territory = html.slice(html.indexOf('Ce qui concerne Koné'), html.indexOf('Dans la province Nord'));
    expect(territory).toContain('href="/articles/nord-festival"');
    expect(html.slice(html.indexOf('Dans la province Nord'))).toContain('href="/articles/nord-foire"');
    expect(html).toContain('Dans toute la Nouvelle-Calédonie');
    expect(await readLinkedFeed(html)).toContain('nord-festival');
  });

  it('is a French 404 for a partner that is not a commune, or an unknown one', async () => {
    for (const id of ['province-sud', 'inconnue']) {
      const { res } = await getPage(world.hub, `/communes/${id}`);
      expect(res.status, id).toBe(404);
    }
  });
});

describe('GET /themes/:slug', () => {
  it('lists the topic’s items, newest first, and links its feed giving the same items', async () => {
    const { res, html } = await getPage(world.hub, '/themes/emploi');
    expect(res.status).toBe(200);
    expect(await validateHtml(html)).toEqual([]);
    expect(itemIds(html)).toEqual(['sud-emploi-2', 'sud-emploi-1']);
    expect((await readLinkedFeed(html)).sort()).toEqual(['sud-emploi-1', 'sud-emploi-2']);
  });

  it('answers a bad page number with a French 400 page, an unknown topic with a 404', async () => {
    expect((await getPage(world.hub, '/themes/emploi?page=0')).res.status).toBe(400);
    expect((await getPage(world.hub, '/themes/pas-un-theme')).res.status).toBe(404);
  });

  it('answers 304 to a revalidation', async () => {
    const first = await rawGet(world.hub, '/themes/emploi');
    expect((await rawGet(world.hub, '/themes/emploi', { 'If-None-Match': String(first.headers.etag) })).status).toBe(
      304,
    );
  });
});
