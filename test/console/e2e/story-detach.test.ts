/**
 * A Contenus item grouped with other partners' copies, in Chromium, signed in as Koumac's
 * admin: the item page with « Détacher de l’histoire… » and its confirmation — no axe
 * violation at 320 and 1280 px in light and dark, nothing wider than the screen, no CSP
 * error; screenshots with SCREENSHOTS=dir.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { insertItems } from '../../helpers/items.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];

describe.skipIf(!HAS_CHROMIUM)('« Détacher de l’histoire » in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'storydetache2e' });
    const title = 'Fermeture de la RT1 à Koné';
    await insertItems([
      { id: 'gouv-rt1', partnerId: 'gouvernement', title },
      { id: 'koumac-rt1', partnerId: 'koumac', title: `${title} (relais)`, storyId: 'gouv-rt1' },
      { id: 'poum-rt1', partnerId: 'poum', title: `${title}, à Poum`, storyId: 'gouv-rt1' },
    ]);
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    const ana = await signInAs(hub, 'ana@koumac.nc');
    cookies = [...ana.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const screens: [string, string][] = [
    ['/console/contenus/koumac-rt1', 'console-contenu-histoire'],
    ['/console/contenus/koumac-rt1?confirmer=detacher', 'console-contenu-detacher'],
  ];
  for (const [path, name] of screens)
    it(
      `${path} passes the page checks`,
      () => checkPageEverywhere(browser, hub.url + path, name, { cookies }),
      120_000,
    );
});
