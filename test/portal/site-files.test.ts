/**
 * The portal's information pages, error pages and crawler files over real HTTP: the
 * accessibility statement, legal notice and privacy page; French 404 and 500 pages;
 * /sitemap.xml listing every published item, /robots.txt, /opensearch.xml.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPortalErrors } from '../../portal/index.js';
import { validateHtml } from '../helpers/html-validate.js';
import { getPage, rawGet } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld('portalsitefiles');
});
afterAll(() => world?.stop());

describe('information pages', () => {
  it.each([
    ['/accessibilite', "Déclaration d'accessibilité", 'partiellement conforme'],
    ['/mentions-legales', 'Mentions légales', 'Éditeur'],
    ['/donnees-personnelles', 'Données personnelles', 'clé de visiteur'],
  ])('%s is a valid French page', async (path, h1, phrase) => {
    const { res, html } = await getPage(world.hub, path);
    expect(res.status).toBe(200);
    expect(await validateHtml(html)).toEqual([]);
    expect(html).toContain(`<h1 class="pl-page-title">${h1}</h1>`);
    expect(html).toContain(phrase);
  });
});

describe('error pages', () => {
  it('answers an unknown address with a French 404 page offering the search, and the API with problem+json', async () => {
    const { res, html } = await getPage(world.hub, '/nulle-part');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await validateHtml(html)).toEqual([]);
    expect(html).toContain('action="/recherche"');
    const api = await world.hub.request('/api/v1/nulle-part');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a failure with a French 500 page, without the error’s text', async () => {
    const app = new Koa();
    app.use(renderPortalErrors('http://portail.test'));
    app.use(() => {
      throw new Error('secret stack detail');
    });
    const server: Server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/recherche`);
      const html = await res.text();
      expect(res.status).toBe(500);
      expect(html).toContain('<title>Une erreur est survenue — Passerelle</title>');
      expect(html).not.toContain('secret');
      expect(await validateHtml(html)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('crawler files', () => {
  it('lists every published item in /sitemap.xml, and nothing withdrawn', async () => {
    const res = await rawGet(world.hub, '/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const listed = new Set([...res.body.matchAll(/<loc>[^<]*\/articles\/([^<]+)<\/loc>/g)].map((m) => m[1]!));
    const api = (await (await world.hub.request('/api/v1/items?limit=100')).json()) as {
      total: number;
      items: { id: string }[];
    };
    expect(api.total).toBeLessThanOrEqual(100);
    expect([...listed].sort()).toEqual(api.items.map((i) => encodeURIComponent(i.id)).sort());
    expect(res.body).toContain(`<loc>${world.hub.config.publicUrl}/partenaires</loc>`);
    expect(res.body).toContain(`<loc>${world.hub.config.publicUrl}/souhaits</loc>`);
  });

  it('gives robots the sitemap and keeps them off the APIs', async () => {
    const res = await rawGet(world.hub, '/robots.txt');
    expect(res.body).toContain('Disallow: /api/');
    expect(res.body).toContain(`Sitemap: ${world.hub.config.publicUrl}/sitemap.xml`);
  });

  it('describes the search for browsers (OpenSearch), with the search page as template', async () => {
    const res = await rawGet(world.hub, '/opensearch.xml');
    expect(res.headers['content-type']).toBe('application/opensearchdescription+xml; charset=utf-8');
    expect(res.body).toContain(
      `<Url type="text/html" method="get" template="${world.hub.config.publicUrl}/recherche?q={searchTerms}"/>`,
    );
  });
});
