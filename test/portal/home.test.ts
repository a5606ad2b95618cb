/** GET / and POST /ma-commune over real HTTP, against a real database and search index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateHtml } from '../helpers/html-validate.js';
import { getPage, rawGet, readGraph } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld('portalhome', [
    {
      id: 'sud-alerte',
      partnerId: 'province-sud',
      type: 'alert',
      title: 'Vigilance fortes pluies en province Sud',
      territory: { scope: 'province', province: 'sud' },
      publishedAt: new Date(Date.now() - 86_400_000),
    },
    {
      id: 'kone-alerte',
      partnerId: 'kone',
      type: 'alert',
      title: 'Route coupée à Koné',
      territory: { scope: 'commune', communes: ['98811'] },
      publishedAt: new Date(Date.now() - 3 * 86_400_000),
    },
  ]);
});
afterAll(() => world?.stop());

function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('<section', start);
  return html.slice(start, end === -1 ? undefined : end);
}

describe('GET /', () => {
  it('is a valid French page with one h1, the search box and the site in schema.org', async () => {
    const { res, html } = await getPage(world.hub, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toMatch(/<form class="pl-search" role="search" method="get" action="\/recherche">/);
    expect(await validateHtml(html)).toEqual([]);
    const site = readGraph(html).find((o) => o['@type'] === 'WebSite');
    expect(site).toMatchObject({
      url: `${world.hub.config.publicUrl}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: `${world.hub.config.publicUrl}/recherche?q={search_term_string}` },
      },
    });
  });

  it('has its canonical address, sharing cards, OpenSearch and feeds in the head', async () => {
    const { html } = await getPage(world.hub, '/');
    const base = world.hub.config.publicUrl;
    expect(html).toContain(`<link rel="canonical" href="${base}/"/>`);
    expect(html).toContain('<meta property="og:title" content="Accueil"/>');
    expect(html).toContain('<meta property="og:locale" content="fr_FR"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    expect(html).toContain(
      '<link rel="search" type="application/opensearchdescription+xml" title="Passerelle" href="/opensearch.xml"/>',
    );
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Toutes les publications (RSS)" href="/feeds/items.rss"/>',
    );
    expect(html).toContain('href="/feeds/items.atom?type=alert"');
  });

  it('shows the alerts in force (the last 30 days), the latest items with event dates, topics and audiences', async () => {
    const { html } = await getPage(world.hub, '/');
    const alerts = sectionOf(html, 'alertes-titre');
    expect(alerts).toContain('Alerte cyclonique de niveau 1 à Nouméa');
    expect(alerts).toContain('<span class="pl-badge pl-badge--alert">Alerte</span>');
    // The Île-des-Pins alert of October is no longer in force.
    expect(alerts).not.toContain("Coupure d'eau");
    const latest = sectionOf(html, 'nouvelles-1-titre');
    expect(latest).toContain('Foire de Koumac');
    expect(latest).toContain('Du 12 au 14 mars 2027');
    expect(latest).not.toContain('Alerte cyclonique');
    expect(html).toContain('href="/themes/emploi">Emploi</a>');
    expect(html).toContain('href="/recherche?audience=professionnels">Professionnels</a>');
    expect(html).toContain('href="/articles/nord-foire"');
  });

  it('links the information pages, the agents’ space, the widgets, feeds and API from the footer', async () => {
    const { html } = await getPage(world.hub, '/');
    for (const href of [
      '/accessibilite',
      '/mentions-legales',
      '/donnees-personnelles',
      '/console',
      '/widgets/demo',
      '/feeds/items.rss',
      '/feeds/sources.opml',
      '/api/v1/openapi.json',
    ])
      expect(html).toContain(`href="${href}"`);
    expect(html).toContain('>Espace agents</a>');
  });

  it('is sent compressed, with a strict CSP, no inline script or style, and no third-party image allowed', async () => {
    const { res, html } = await getPage(world.hub, '/', { 'Accept-Encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toMatch(/unsafe-inline|https:|http:/);
    // Scripts are a JSON-LD data block (never executed) and the share block's first-party
    // file, deferred: nothing inline, nothing from elsewhere.
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    for (const tag of scripts)
      expect(tag).toMatch(/^<script type="application\/ld\+json">$|^<script src="\/assets\/[\w.-]+\.js" defer>$/);
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '')).not.toMatch(
      /<script(?![^>]*\bsrc="\/assets\/)|<style|style="/,
    );
  });

  it('answers 304 to a revalidation, and another ETag once the commune is chosen', async () => {
    const first = await rawGet(world.hub, '/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.vary).toMatch(/Cookie/);
    expect((await rawGet(world.hub, '/', { 'If-None-Match': etag })).status).toBe(304);
    expect((await rawGet(world.hub, '/', { 'If-None-Match': etag, Cookie: 'commune=noumea' })).status).toBe(200);
    expect((await rawGet(world.hub, '/?commune=noumea', { 'If-None-Match': etag })).status).toBe(200);
  });
});

describe('« Ma commune »', () => {
  it('is kept by POST /ma-commune in a first-party cookie holding only the commune, then back to the page (303)', async () => {
    const res = await world.hub.request('/ma-commune', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'commune=kone&retour=%2Fcommunes%2Fkone',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/communes/kone');
    expect(res.headers.get('set-cookie')).toBe('commune=kone; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax');
  });

  it('puts the commune’s alerts first, then its news, its province’s and New Caledonia’s', async () => {
    const { html } = await getPage(world.hub, '/', { Cookie: 'commune=kone' });
    const alerts = sectionOf(html, 'alertes-titre');
    expect(alerts.indexOf('Route coupée à Koné')).toBeLessThan(alerts.indexOf('Alerte cyclonique'));
    expect(html).toContain('<h2 class="pl-section__title" id="nouvelles-1-titre">À Koné</h2>');
    expect(sectionOf(html, 'nouvelles-1-titre')).toContain('Festival des arts à Koné');
    expect(html).toContain('id="nouvelles-2-titre">Dans la province Nord</h2>');
    expect(sectionOf(html, 'nouvelles-2-titre')).toContain('Foire de Koumac');
    expect(html).toContain('id="nouvelles-3-titre">Dans toute la Nouvelle-Calédonie</h2>');
    expect(sectionOf(html, 'nouvelles-3-titre')).toContain('Demander sa retraite en ligne');
    expect(html).toContain('<option value="kone" selected>Koné</option>');
    expect(html).toContain(`<link rel="canonical" href="${world.hub.config.publicUrl}/"/>`);
  });

  it('can be given in the address (id or INSEE code) without touching the cookie; an unknown one is a French 400', async () => {
    const byCode = await getPage(world.hub, '/?commune=98818');
    expect(byCode.res.headers.get('set-cookie')).toBeNull();
    expect(byCode.html).toContain('id="nouvelles-1-titre">À Nouméa</h2>');
    expect(byCode.html).toContain(`<link rel="canonical" href="${world.hub.config.publicUrl}/?commune=noumea"/>`);
    const bad = await getPage(world.hub, '/?commune=paris');
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('commune inconnue');
    expect(await validateHtml(bad.html)).toEqual([]);
  });

  it('is forgotten with « oublier », and refuses an unknown commune, a foreign form or another site as return', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      world.hub.request('/ma-commune', {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers },
        body,
      });
    const forget = await post('commune=kone&oublier=1&retour=%2F');
    expect(forget.headers.get('set-cookie')).toBe('commune=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
    const unknown = await post('commune=paris');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('commune inconnue');
    expect((await post('commune=kone', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(400);
    const elsewhere = await post('commune=kone&retour=%2F%2Fevil.example%2F');
    expect(elsewhere.headers.get('location')).toBe('/');
  });
});
