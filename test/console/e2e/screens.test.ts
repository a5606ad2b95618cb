/**
 * Every console page in Chromium: the GET pages are read from the hub's OpenAPI document
 * (every page is registered there through addPage), so a new screen is checked without
 * being listed here; a page with a parameter gets a sample below, and the test fails until
 * it has one. Each page: no axe violation (320 px light, 1280 px dark; the four with PAGE_CHECKS=all), nothing
 * wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordLink } from '../../../hub/accounts/links.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { createItem, newVisitor, postCommentOk } from '../../hub/interaction/fixtures.js';
import { call, LABS, makeToken, save } from '../../hub/labs/lab-client.js';

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];

/** Registered GET routes that are not pages (a script, redirects to the identity provider). */
const NOT_PAGES = new Set([
  '/console/assets/console.{hash}.js',
  '/console/connexion/oidc',
  '/console/connexion/oidc/retour',
]);

/** A sample address for each page with a parameter, filled in beforeAll. */
const samples = new Map<string, string>();

/** The console's GET pages, as the hub registered them. */
async function listConsolePages(): Promise<string[]> {
  const doc = (await (await fetch(`${hub.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path, ops]) => path.startsWith('/console') && ops.get && !NOT_PAGES.has(path))
    .map(([path]) => path)
    .sort();
}

const slug = (path: string) =>
  `console${
    path
      .replace(/^\/console/, '')
      .replace(/[{}]/g, '')
      .replace(/\//g, '-') || '-a-traiter'
  }`;

describe.skipIf(!HAS_CHROMIUM)('every console page in Chromium', () => {
  let pages: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolee2e' });
    const leaId = await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    const lea = await signInAs(hub, 'lea@gouv.nc');
    await lea.html('/console/partenaires/koumac');
    await lea.post('/console/partenaires/koumac', {
      moderation: 'pre',
      allowedOrigins: '',
      contactEmail: 'mairie@koumac.nc',
    });
    const itemId = await createItem('koumac');
    const { comment } = await postCommentOk(hub, itemId, newVisitor(), {
      author: 'Jean',
      body: 'Le marché est-il maintenu samedi ?',
    });
    const source = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: {
        partnerId: 'koumac',
        kind: 'feed',
        url: 'https://www.koumac.nc/actus.xml',
        name: 'Actus',
        enabled: false,
      },
    });
    expect(source.status).toBe(201);
    const sourceId = ((await source.json()) as { id: string }).id;
    // One source: the sources list on more than one page is checked in sources-pagination.test.ts
    // (51 sources there; 56 here made every page that lists sources slower to check).
    const { token } = await createPasswordLink(leaId, 'reset', 'test');
    // A lab with two revisions, an online service and a wish of Koumac's, for their screens.
    const koumac = await makeToken(hub, 'Rédaction Koumac', 'partner-admin', 'koumac');
    const lab = await call(hub, koumac, LABS, {
      title: 'Inscrire son enfant à l’école',
      partnerIds: ['koumac', 'province-nord'],
    });
    expect(lab.status).toBe(201);
    const labId = lab.body.id as string;
    await save(hub, koumac, labId, '## Qui peut inscrire\n\nLes parents.', 0, 'Première version');
    await save(hub, koumac, labId, '## Qui peut inscrire\n\nLes parents ou le tuteur.', 1, 'Le tuteur');
    const service = await call(hub, TEST_ADMIN_TOKEN, '/api/v1/admin/services', {
      partnerId: 'koumac',
      name: 'Demander un acte de naissance',
      description: 'La copie intégrale ou l’extrait, envoyé par courrier.',
      url: 'https://www.koumac.nc/demarches/acte-de-naissance',
    });
    expect(service.status).toBe(201);
    const wish = await call(hub, koumac, '/api/v1/admin/wishes', {
      title: 'Horaires de la déchetterie',
      body: 'Demandé en commentaire sous notre publication.',
      network: 'facebook',
      postUrl: 'https://www.facebook.com/koumac/posts/1',
    });
    expect(wish.status).toBe(201);
    const wishId = ((wish.body.wish as { id?: string } | undefined)?.id ?? wish.body.id) as string;
    for (const [path, url] of [
      ['/console/sources/{id}', `/console/sources/${sourceId}`],
      ['/console/sources/{id}/modifier', `/console/sources/${sourceId}/modifier`],
      ['/console/contenus/{id}', `/console/contenus/${itemId}?confirmer=retirer`],
      ['/console/moderation/{id}', `/console/moderation/${comment.id}`],
      ['/console/partenaires/{id}', '/console/partenaires/koumac'],
      ['/console/comptes/{id}', `/console/comptes/${leaId}`],
      ['/console/mot-de-passe/{token}', `/console/mot-de-passe/${token}`],
      ['/console/ateliers/{id}', `/console/ateliers/${labId}`],
      ['/console/ateliers/{id}/differences', `/console/ateliers/${labId}/differences?de=1&a=2`],
      ['/console/ateliers/{id}/modifier', `/console/ateliers/${labId}/modifier`],
      ['/console/avis/{id}', `/console/avis/${itemId}`],
      ['/console/demarches/{id}', `/console/demarches/${service.body.id as string}`],
      ['/console/partenaires/{id}/coordonnees', '/console/partenaires/koumac/coordonnees'],
      ['/console/souhaits/{id}', `/console/souhaits/${wishId}`],
    ] as const)
      samples.set(path, url);
    const invited = await call(hub, koumac, `${LABS}/${labId}/reviewers`, { name: 'Marie Expert' });
    expect(invited.status).toBe(201);
    samples.set('/console/relecture/{token}', new URL(invited.body.url as string).pathname);
    cookies = [...lea.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    pages = await listConsolePages();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('knows a sample address for every page with a parameter', () => {
    expect(pages.length).toBeGreaterThan(15);
    expect(pages).toContain('/console/contenus');
    expect(pages).toContain('/console/recherche/synonymes');
    expect(pages.filter((p) => p.includes('{') && !samples.has(p))).toEqual([]);
  });

  it('passes the page checks on every page', async () => {
    // Every page is checked even when one fails; the failures are reported together.
    // CONSOLE_PAGES=word,word checks only the pages whose path contains one (a quicker local run).
    const only = process.env.CONSOLE_PAGES?.split(',').filter(Boolean);
    const failures: string[] = [];
    for (const path of pages.filter((p) => !only || only.some((w) => p.includes(w)))) {
      const url = samples.get(path) ?? path;
      await checkPageEverywhere(browser, hub.url + url, slug(path), { cookies }).catch((err: Error) =>
        failures.push(`${url}: ${err.message}`),
      );
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('the sign-in page passes the page checks without a session', () =>
    checkPageEverywhere(browser, `${hub.url}/console/connexion`, 'console-connexion'));
});
