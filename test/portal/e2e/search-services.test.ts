/**
 * /recherche with an online service first (one working, one marked broken by the link
 * checker) and a partner's page with its services, in Chromium: axe at 320 and 1280 px,
 * light and dark, nothing wider than the screen; screenshots with SCREENSHOTS=dir.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

let hub: TestHub;
let site: Server;
let browser: Browser;
const SLOW = 120_000;

describe.skipIf(!HAS_CHROMIUM)('online services on /recherche and a partner’s page in Chromium', () => {
  beforeAll(async () => {
    site = createServer((req, res) => void res.writeHead(req.url === '/stationnement' ? 200 : 404).end('page'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    hub = await startTestHub({ seed: true, label: 'e2esearchservices' });
    await insertItems(CATALOG_FIXTURES);
    await hub.services.catalog.search.refresh();
    for (const [name, path] of [
      ['Demander une carte de stationnement résidentiel', '/stationnement'],
      ['Inscrire un enfant à la cantine scolaire', '/cantine'],
    ])
      await hub.request('/api/v1/admin/services', {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        json: { partnerId: 'noumea', name, url: `${origin}${path}`, cost: 'Gratuit', accountRequired: true },
      });
    for (let i = 0; i < 2; i++)
      await hub.request('/api/v1/admin/links/check', { method: 'POST', token: TEST_ADMIN_TOKEN });
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await new Promise((resolve) => site?.close(resolve));
  });

  const pages: [string, string][] = [
    ['recherche-demarche', '/recherche?q=stationnement'],
    ['recherche-demarche-indisponible', '/recherche?q=cantine'],
    ['partenaire-demarches', '/partenaires/noumea'],
  ];
  for (const [name, path] of pages)
    it(
      `${name}: no axe violation at 320 and 1280 px, light and dark, nothing wider than the screen`,
      () => checkPageEverywhere(browser, hub.url + path, `portal-${name}`),
      SLOW,
    );
});
