/** GET /: the portal's home page over real HTTP, against a real database and search index. */
import { get, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { CATALOG_FIXTURES, EVENT_FIXTURE, insertItems } from '../helpers/items.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'portalhome' });
  await insertItems([...CATALOG_FIXTURES, EVENT_FIXTURE]);
  await hub.services.catalog.search.refresh();
});
afterAll(() => hub?.stop());

function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    get(hub.url + path, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

async function getPage(path: string, headers: Record<string, string> = {}) {
  const res = await hub.request(path, { headers });
  return { res, html: await res.text() };
}

describe('GET /', () => {
  it('is a French HTML page, not the JSON 404 it used to be', async () => {
    const { res, html } = await getPage('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Accueil — Passerelle</title>');
    expect(html).toContain('Aller au contenu');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).not.toContain('"code":"not_found"');
  });

  it('passes html-validate', async () => {
    expect(await validateHtml((await getPage('/')).html)).toEqual([]);
    expect(await validateHtml((await getPage('/?q=piscine')).html)).toEqual([]);
    expect(await validateHtml((await getPage(`/?q=${'x'.repeat(201)}`)).html)).toEqual([]);
  });

  it('links the demo, the feeds, OPML and the OpenAPI document', async () => {
    const { html } = await getPage('/');
    for (const href of [
      '/widgets/demo',
      '/feeds/items.rss',
      '/feeds/items.atom',
      '/feeds/items.json',
      '/feeds/sources.opml',
      '/api/v1/openapi.json',
    ])
      expect(html).toContain(`href="${href}"`);
  });

  it('shows the alerts in force, marked as alerts, and the latest items with their event dates', async () => {
    const { html } = await getPage('/');
    const alerts = html.slice(html.indexOf('id="alertes-titre"'), html.indexOf('id="dernieres-titre"'));
    expect(alerts).toContain('<span class="pl-badge pl-badge--alert">Alerte</span>');
    expect(alerts).toContain("Coupure d'eau à L'Île-des-Pins");
    const latest = html.slice(html.indexOf('id="dernieres-titre"'));
    expect(latest).not.toContain("Coupure d'eau");
    expect(latest).toContain('Foire de Koumac');
    expect(latest).toContain('Du 12 au 14 mars 2027');
    expect(latest).toContain('Lieu\u00a0: Champ de foire');
  });

  it('searches without JavaScript: a GET form whose results come back on the page', async () => {
    const form = (await getPage('/')).html;
    expect(form).toMatch(/<form class="pl-search" role="search" method="get" action="\/">/);
    const { res, html } = await getPage('/?q=piscine');
    expect(res.status).toBe(200);
    expect(html).toContain('<title>Recherche «\u202fpiscine\u202f» — Passerelle</title>');
    expect(html).toContain('value="piscine"');
    expect(html).toContain('1 résultat pour «\u202fpiscine\u202f»');
    expect(html).toContain('href="https://www.example.nc/noumea/noumea-piscine"');
    expect(html).toContain('<div class="pl-card__summary">La <mark>piscine</mark> municipale');
    expect(html).not.toContain('id="dernieres-titre"');
  });

  it('says so in French when nothing matches, and pages through many results', async () => {
    expect((await getPage('/?q=zzyzx')).html).toContain('Aucun résultat pour «\u202fzzyzx\u202f»');
    const { html } = await getPage('/?q=emploi&page=1');
    expect(html).toContain('2 résultats pour «\u202femploi\u202f»');
    expect(html).not.toContain('class="pl-pagination"');
  });

  it('refuses a malformed query with a French 400 page and an error summary linking to the field', async () => {
    const { res, html } = await getPage('/?q=eau&page=0');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<title>Erreur\u00a0: Accueil — Passerelle</title>');
    expect(html).toContain('<a href="#q">La page');
    expect(html).toContain('aria-invalid="true"');
    // A long query is no longer refused: search cuts it at a word (issue 15).
    expect((await getPage(`/?q=${'a'.repeat(201)}`)).res.status).toBe(200);
  });

  it('is sent compressed, with a strict CSP and no inline script or style', async () => {
    const { res, html } = await getPage('/', { 'Accept-Encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script|<style|style="/);
  });

  it('answers 304 to a revalidation with its ETag', async () => {
    // node:http rather than fetch, which adds Cache-Control: no-cache to conditional requests.
    const first = await rawGet('/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await rawGet('/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await rawGet('/?q=eau', { 'If-None-Match': etag })).status).toBe(200);
  });
});

describe('the stylesheet', () => {
  it('is served under its content hash, immutable and compressed, and an old hash is gone', async () => {
    const href = /<link rel="stylesheet" href="(\/assets\/portal\.([0-9a-f]{12})\.css)"/.exec(
      (await getPage('/')).html,
    );
    expect(href).not.toBeNull();
    const res = await hub.request(href![1]!, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const css = await res.text();
    expect(css).toContain('--pl-color-text:#1b1b1b');
    expect(css).toMatch(/@media ?\(prefers-color-scheme: ?dark\)/);
    expect(css).toMatch(/@media print/);
    expect((await hub.request('/assets/portal.000000000000.css')).status).toBe(404);
  });
});
