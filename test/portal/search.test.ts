/** GET /recherche over real HTTP: results, facets, pages, « vous vouliez dire », French 400 pages, feeds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateHtml } from '../helpers/html-validate.js';
import { bumpItemsVersion } from '../../hub/items/index.js';
import { insertItems } from '../helpers/items.js';
import { getPage, measureTransfer, rawGet, textsOf } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld('portalsearch');
});
afterAll(() => world?.stop());

/** The /articles/:id links of the result cards, in order. */
function resultIds(html: string): string[] {
  const results = html.slice(html.indexOf('id="resultats-titre"'), html.indexOf('pl-search-layout__filters'));
  return [...results.matchAll(/<h3 class="pl-card__title"><a href="\/articles\/([^"]+)"/g)].map((m) =>
    decodeURIComponent(m[1]!),
  );
}

describe('GET /recherche', () => {
  it('shows the results of a query with their highlighted snippets, count in the title and announced', async () => {
    const { res, html } = await getPage(world.hub, '/recherche?q=piscine');
    expect(res.status).toBe(200);
    expect(html).toContain('<title>1 résultat pour «\u202fpiscine\u202f» — Rechercher — Passerelle</title>');
    expect(html).toContain('<p class="pl-results-count" role="status">1 résultat pour «\u202fpiscine\u202f»</p>');
    expect(html).toContain('<div class="pl-card__summary">La <mark>piscine</mark> municipale');
    expect(resultIds(html)).toEqual(['noumea-piscine']);
    expect(html).toContain('value="piscine"');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('gives the same first results as /api/v1/items for the same query and filters', async () => {
    for (const query of ['q=permis', 'q=emploi&type=job', 'q=carte+identite', 'audience=particuliers']) {
      const api = (await (await world.hub.request(`/api/v1/items?${query}&limit=10`)).json()) as {
        items: { id: string }[];
      };
      expect(resultIds((await getPage(world.hub, `/recherche?${query}`)).html), query).toEqual(
        api.items.map((i) => i.id),
      );
    }
  });

  it('offers « Vous vouliez dire … » for a typo, linking the corrected search', async () => {
    const { html } = await getPage(world.hub, '/recherche?q=pisicne');
    expect(html).toContain(
      '<p class="pl-did-you-mean">Vous vouliez dire\u00a0: <a href="/recherche?q=piscine">«\u202fpiscine\u202f»</a>\u202f?</p>',
    );
  });

  it('has facets as links that add or remove a value, and marks the selected one in words', async () => {
    const { html } = await getPage(world.hub, '/recherche?q=emploi');
    expect(html).toContain('<a class="pl-facets__link" href="/recherche?q=emploi&amp;type=job">');
    const filtered = await getPage(world.hub, '/recherche?q=emploi&type=job');
    expect(filtered.html).toContain(
      '<a class="pl-facets__link pl-facets__link--selected" href="/recherche?q=emploi" aria-current="true"><span class="pl-facets__label"><span class="pl-visually-hidden">Retirer le filtre </span>Offre d\'emploi</span>',
    );
    expect(textsOf(filtered.html, 'pl-active-filters__link')).toEqual(["Retirer le filtre Offre d'emploi×"]);
    expect(resultIds(filtered.html).sort()).toEqual(['sud-emploi-1', 'sud-emploi-2']);
    expect(await validateHtml(filtered.html)).toEqual([]);
  });

  it('lists the newest items without a query, with pages of 10 that keep the filters', async () => {
    const first = await getPage(world.hub, '/recherche?sort=date');
    expect(resultIds(first.html)).toHaveLength(10);
    expect(first.html).toContain('<a class="pl-pagination__link" href="/recherche?sort=date&amp;page=2" rel="next">');
    const second = await getPage(world.hub, '/recherche?sort=date&page=2');
    expect(second.html).toContain('<title>page 2 — Rechercher — Passerelle</title>');
    expect(resultIds(second.html).some((id) => resultIds(first.html).includes(id))).toBe(false);
  });

  it('says so when nothing is found, and offers to tell what was missing (the wishes page, with the query)', async () => {
    const { html } = await getPage(world.hub, '/recherche?q=zzyzx+quokka');
    expect(html).toContain('Aucun résultat pour «\u202fzzyzx quokka\u202f»');
    expect(html).toContain('<a href="/souhaits/proposer?titre=zzyzx+quokka">Dites-nous ce qui manque</a>');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('answers a malformed query with a French 400 page naming the parameter, never a stack trace', async () => {
    for (const query of ['page=abc', 'type=recette', 'from=2026-02-30', 'page=0']) {
      const { res, html } = await getPage(world.hub, `/recherche?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html).toContain('<title>Erreur\u00a0: adresse incorrecte — Passerelle</title>');
      expect(html).toContain(`«\u202f${query.split('=')[0]}\u202f»\u00a0:`);
      expect(html).not.toMatch(/at \w+ \(|node_modules|Error:/);
      expect(await validateHtml(html)).toEqual([]);
    }
    const repeated = await getPage(world.hub, '/recherche?q=a&q=b');
    expect(repeated.res.status).toBe(400);
    expect(repeated.html).toContain('<a href="#q">Votre recherche paramètre répété');
  });

  it('cuts a very long query at a word and says so, rather than refusing it', async () => {
    const { res, html } = await getPage(
      world.hub,
      `/recherche?q=${encodeURIComponent('permis de conduire '.repeat(20))}`,
    );
    expect(res.status).toBe(200);
    expect(html).toContain('Votre recherche était très longue');
  });

  it('links the feeds of the listing, and the feed returns the listing’s items', async () => {
    const { html } = await getPage(world.hub, '/recherche?type=job');
    const href = /<link rel="alternate" type="application\/feed\+json" title="[^"]*" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('/feeds/items.json?type=job');
    const feed = (await (await world.hub.request(href!.replace(/&amp;/g, '&'))).json()) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id).sort()).toEqual(resultIds(html).sort());
    expect(html).toContain('<a href="/feeds/items.rss?type=job" type="application/rss+xml">RSS');
  });

  it('answers 304 to a revalidation with its ETag', async () => {
    // The ETag of a search with words changes every minute (services may change): a second
    // try covers a minute turning between the two requests.
    let first = await rawGet(world.hub, '/recherche?q=permis');
    let status = (await rawGet(world.hub, '/recherche?q=permis', { 'If-None-Match': String(first.headers.etag) }))
      .status;
    if (status !== 304) {
      first = await rawGet(world.hub, '/recherche?q=permis');
      status = (await rawGet(world.hub, '/recherche?q=permis', { 'If-None-Match': String(first.headers.etag) })).status;
    }
    expect(status).toBe(304);
    expect((await rawGet(world.hub, '/recherche?q=eau', { 'If-None-Match': String(first.headers.etag) })).status).toBe(
      200,
    );
  });

  it('renders a page once per validator, then serves the same bytes; new data makes a new page', async () => {
    const before = await rawGet(world.hub, '/recherche?type=news');
    const again = await rawGet(world.hub, '/recherche?type=news');
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe(before.headers.etag);
    expect(again.body).toBe(before.body);
    // Each encoding is kept apart: a brotli page is never sent to a gzip-only client.
    expect((await measureTransfer(world.hub, '/recherche?type=news', 'gzip')).contentEncoding).toBe('gzip');
    expect((await measureTransfer(world.hub, '/recherche?type=news', 'br')).contentEncoding).toBe('br');
    expect((await measureTransfer(world.hub, '/recherche?type=news', 'gzip')).contentEncoding).toBe('gzip');
    await insertItems([
      { id: 'portal-cache-new', partnerId: 'noumea', title: 'Fermeture exceptionnelle de la piscine du Ouen Toro' },
    ]);
    await bumpItemsVersion();
    await world.hub.services.catalog.search.refresh();
    const after = await rawGet(world.hub, '/recherche?type=news');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('Fermeture exceptionnelle de la piscine du Ouen Toro');
    expect(before.body).not.toContain('Fermeture exceptionnelle de la piscine du Ouen Toro');
  });
});
