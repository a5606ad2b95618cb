/** GET /articles/:id over real HTTP: every item kind, DILA fiches as fiches, schema.org, caching, weight. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpItemsVersion } from '../../hub/items/index.js';
import { ItemModel } from '../../hub/items/item-model.js';
import { validateHtml } from '../helpers/html-validate.js';
import { getPage, measureTransfer, rawGet, readGraph, textsOf } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;
let fiche: string;

beforeAll(async () => {
  world = await startPortalWorld('portalitem', [
    {
      id: 'kone-marche',
      partnerId: 'kone',
      title: 'Marché de Koné : nouveaux horaires',
      summary: 'Le marché ouvre dès 6 heures le samedi.',
      url: 'https://www.example.nc/kone/marche',
      topics: ['agriculture'],
      territory: { scope: 'commune', communes: ['98811'] },
      content:
        '<h1>Horaires</h1><p>Le samedi de 6 h à 12 h.</p><h4>Accès</h4><p>Parking <img src="https://kone.nc/p.png" alt="plan"> gratuit.</p>',
    },
    { id: 'retire', partnerId: 'noumea', title: 'Retirée', status: 'withdrawn' },
  ]);
  fiche = world.ficheItems.get('F1342')!;
});
afterAll(() => world?.stop());

describe('GET /articles/:id', () => {
  it('shows an item: title, partner, dates, the partner’s page as primary action, audience, territory, topics', async () => {
    const { res, html } = await getPage(world.hub, '/articles/kone-marche');
    expect(res.status).toBe(200);
    expect(html).toContain('<title>Marché de Koné\u00a0: nouveaux horaires — Passerelle</title>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(
      '<a class="pl-button pl-button--primary" href="https://www.example.nc/kone/marche">Lire sur le site de la mairie de Koné</a>',
    );
    expect(html).toContain('Publié par <a href="/partenaires/kone">Koné</a>');
    expect(textsOf(html, 'pl-facts')[0]).toMatch(
      /Publiée parKoné.*Publiée le.*ConcerneKoné.*PourParticuliers.*ThèmesAgriculture/s,
    );
    expect(html).toContain('<a href="/themes/agriculture">Agriculture</a>');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('renumbers the partner’s headings under the page’s h1 and leaves out third-party images, saying so', async () => {
    const { html } = await getPage(world.hub, '/articles/kone-marche');
    expect(html).toContain(
      '<h2 id="section-1">Horaires</h2><p>Le samedi de 6 h à 12 h.</p><h3 id="section-2">Accès</h3>',
    );
    expect(html).not.toContain('kone.nc/p.png');
    expect(html).toContain("L'image de cette page est visible sur le site du partenaire.");
  });

  it('describes the item in schema.org (Article, Event, GovernmentService) with breadcrumbs, as parsable JSON-LD', async () => {
    const base = world.hub.config.publicUrl;
    const news = readGraph((await getPage(world.hub, '/articles/kone-marche')).html);
    expect(news.find((o) => o['@type'] === 'NewsArticle')).toMatchObject({
      headline: 'Marché de Koné : nouveaux horaires',
      url: `${base}/articles/kone-marche`,
      publisher: { '@type': 'GovernmentOrganization', name: 'Koné' },
      isBasedOn: 'https://www.example.nc/kone/marche',
    });
    expect(news.find((o) => o['@type'] === 'BreadcrumbList')).toMatchObject({
      itemListElement: [
        { position: 1, name: 'Accueil', item: `${base}/` },
        { position: 2, name: 'Koné', item: `${base}/partenaires/kone` },
        { position: 3, item: `${base}/articles/kone-marche` },
      ],
    });
    const event = readGraph((await getPage(world.hub, '/articles/nord-foire')).html).find(
      (o) => o['@type'] === 'Event',
    );
    expect(event).toMatchObject({
      name: 'Foire de Koumac',
      startDate: '2027-03-11T13:00:00.000Z',
      location: { name: 'Champ de foire' },
    });
    const service = readGraph((await getPage(world.hub, `/articles/${fiche}`)).html).find(
      (o) => o['@type'] === 'GovernmentService',
    );
    expect(service).toMatchObject({
      name: "Carte d'identité d'un mineur : première demande",
      areaServed: 'Nouvelle-Calédonie',
    });
  });

  it('shows an event’s start, end and place', async () => {
    const { html } = await getPage(world.hub, '/articles/nord-foire');
    expect(html).toContain(
      '<p class="pl-event"><span class="pl-event__dates"><time datetime="2027-03-11T13:00:00.000Z">Du 12 au 14 mars 2027</time></span><span class="pl-event__place">Lieu\u00a0: Champ de foire</span></p>',
    );
  });

  it('renders a DILA fiche as a fiche: table of contents, situations, online services as buttons and as a block, questions-answers', async () => {
    const { html } = await getPage(world.hub, `/articles/${fiche}`);
    expect(html).toContain('<nav class="pl-toc" aria-labelledby="sommaire-titre">');
    expect(html).toContain('<a href="#section-1">Demande en France</a>');
    expect(html).toContain(
      '<a class="pl-button pl-button--primary" href="https://www.service-public.fr/particuliers/vosdroits/F1342">Lire sur service-public.fr</a>',
    );
    expect(html).toMatch(
      /<a class="pl-button pl-button--secondary" href="https:\/\/passeport\.ants\.gouv\.fr\/[^"]+"><span>Pré-demande de carte d'identité<span class="pl-button__note"> \(Téléservice\)<\/span>/,
    );
    expect(html).toContain('id="services-en-ligne-titre">Services en ligne et formulaires</h2>');
    expect(html).toContain('id="questions-reponses-titre">Questions-réponses</h2>');
    expect(html).toContain('Est-on obligé d&#39;avoir une carte d&#39;identité\u202f?</a>'.replace(/&#39;/g, "'"));
    expect(html).toContain('id="textes-de-reference-titre">Textes de référence</h2>');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('gives likes and comments to the widgets’ element, with a French note without JavaScript, and related items', async () => {
    const { html } = await getPage(world.hub, `/articles/${fiche}`);
    expect(html).toMatch(/<script src="\/widgets\/v1\/embed\.[0-9a-f]+\.js" defer><\/script>/);
    expect(html).toContain(
      `<passerelle-article item="${fiche}" show="reactions" heading-level="2"></passerelle-article>`,
    );
    expect(html).toMatch(
      /<noscript><p class="pl-noscript">Les mentions «\u202fJ’aime\u202f» et les commentaires de cette page ont besoin de JavaScript/,
    );
    expect(html).toContain('id="voir-aussi-portail-titre">Sur le même sujet</h2>');
    expect(html).toContain(`href="/articles/${world.ficheItems.get('F21089')}"`);
  });

  it('is a French 404 for an unknown or withdrawn item, never JSON', async () => {
    for (const id of ['inconnu', 'retire', '%E2%82%AC']) {
      const { res, html } = await getPage(world.hub, `/articles/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.headers.get('etag')).toBeNull();
      expect(html).toContain('<title>Page introuvable — Passerelle</title>');
      expect(await validateHtml(html)).toEqual([]);
    }
  });

  it('answers 304 until the items change, and shows the change once the new index is in place', async () => {
    const first = await rawGet(world.hub, '/articles/kone-marche');
    expect(
      (await rawGet(world.hub, '/articles/kone-marche', { 'If-None-Match': String(first.headers.etag) })).status,
    ).toBe(304);
    await ItemModel.updateOne({ _id: 'kone-marche' }, { $set: { title: 'Marché de Koné : horaires d’été' } });
    await bumpItemsVersion();
    await world.hub.services.catalog.search.refresh();
    const after = await rawGet(world.hub, '/articles/kone-marche', { 'If-None-Match': String(first.headers.etag) });
    expect(after.status).toBe(200);
    expect(after.body).toContain('<h1 class="pl-page-title">Marché de Koné\u00a0: horaires d’été</h1>');
  });

  it('weighs at most 50 KB compressed on a first visit: HTML, stylesheet and script (brotli and gzip)', async () => {
    const path = `/articles/${fiche}`;
    const { html } = await getPage(world.hub, path);
    const assets = [
      /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!,
      /<script src="([^"]+)" defer>/.exec(html)![1]!,
    ];
    for (const encoding of ['br', 'gzip'] as const) {
      let total = 0;
      for (const href of [path, ...assets]) {
        const sent = await measureTransfer(world.hub, href, encoding);
        expect(sent.contentEncoding, href).toBe(encoding);
        total += sent.bytes;
      }
      expect(total, encoding).toBeLessThanOrEqual(50 * 1024);
    }
  });
});
