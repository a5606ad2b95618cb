/**
 * « Liens cassés » (console) and a broken service on /demarches (portal) in Chromium, with a
 * broken address and a permanent redirect to show: no axe violation at 320 and 1280 px in
 * light and dark, nothing wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

let hub: TestHub;
let browser: Browser;
let site: Server;
let cookies: { name: string; value: string; url: string }[];

describe.skipIf(!HAS_CHROMIUM)('link health pages in Chromium', () => {
  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url === '/ancienne-adresse-du-formulaire-de-demande')
        return void res.writeHead(301, { location: '/nouvelle' }).end();
      res.writeHead(req.url === '/' || req.url === '/nouvelle' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    hub = await startTestHub({ label: 'linkse2e' });
    const post = (path: string, json: unknown) => hub.request(path, { method: 'POST', token: TEST_ADMIN_TOKEN, json });
    expect(
      (await post('/api/v1/admin/partners', { id: 'koumac', name: 'Koumac', kind: 'commune', website: `${origin}/` }))
        .status,
    ).toBe(201);
    for (const [name, path] of [
      ['Demander un acte de naissance', '/etat-civil/actes/demande-en-ligne-d-un-acte-de-naissance-ou-de-mariage'],
      ['Inscrire un enfant à la cantine scolaire', '/ancienne-adresse-du-formulaire-de-demande'],
    ])
      expect((await post('/api/v1/admin/services', { partnerId: 'koumac', name, url: origin + path })).status).toBe(
        201,
      );
    for (let run = 0; run < 2; run++) expect((await post('/api/v1/admin/links/check', undefined)).status).toBe(200);
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    const ana = await signInAs(hub, 'ana@koumac.nc');
    cookies = [...ana.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await new Promise((resolve) => site?.close(resolve));
  });

  it(
    '/console/liens passes the page checks',
    () => checkPageEverywhere(browser, `${hub.url}/console/liens`, 'console-liens', { cookies }),
    120_000,
  );
  it(
    '/console with the « Liens cassés » row passes the page checks',
    () => checkPageEverywhere(browser, `${hub.url}/console`, 'console-a-traiter-liens', { cookies }),
    120_000,
  );
  it(
    '/demarches with an unavailable service passes the page checks',
    () => checkPageEverywhere(browser, `${hub.url}/demarches`, 'portal-demarches-indisponible'),
    120_000,
  );
});
