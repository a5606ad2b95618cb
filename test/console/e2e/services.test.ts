/**
 * Démarches en ligne and Coordonnées in Chromium, signed in as an editor or admin of Koumac:
 * no axe violation at 320 and 1280 px in light and dark, nothing wider than the screen, no
 * CSP error; screenshots with SCREENSHOTS=dir.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];
let serviceId: string;

describe.skipIf(!HAS_CHROMIUM)('démarches en ligne and coordonnées in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consoleservicese2e' });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    const ana = await signInAs(hub, 'ana@koumac.nc');
    await ana.html('/console/demarches/nouvelle');
    await ana.post('/console/demarches', {
      name: 'Demander un acte de naissance',
      url: 'https://www.koumac.nc/etat-civil/naissance',
      cost: 'Gratuit',
    });
    await ana.html('/console/partenaires/koumac/coordonnees');
    await ana.post('/console/partenaires/koumac/coordonnees', {
      name: 'Mairie de Koumac',
      address: '1 rue Paul Mouren',
      postalCode: '98850',
      city: 'Koumac',
      phone: '47 61 00',
      email: 'mairie@koumac.nc',
      openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00',
    });
    const list = await ana.html('/console/demarches');
    serviceId = /href="\/console\/demarches\/([0-9a-f]{16})"/.exec(list.html)![1]!;
    for (let i = 0; i < 4; i++) await hub.request(`/sortie/${serviceId}`, { redirect: 'manual' });
    cookies = [...ana.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const screens: [string, string][] = [
    ['/console/demarches', 'console-demarches'],
    ['/console/demarches/nouvelle', 'console-demarche-nouvelle'],
    ['/console/partenaires/koumac/coordonnees', 'console-coordonnees'],
  ];
  for (const [path, name] of screens)
    it(
      `${path} passes the page checks`,
      () => checkPageEverywhere(browser, hub.url + path, name, { cookies }),
      120_000,
    );
  it(
    'a service’s form passes the page checks',
    () => checkPageEverywhere(browser, `${hub.url}/console/demarches/${serviceId}`, 'console-demarche', { cookies }),
    120_000,
  );
});
