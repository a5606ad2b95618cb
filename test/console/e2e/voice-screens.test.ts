/**
 * The voice's console screens in Chromium, signed in as a partner's admin: Souhaits (list,
 * one wish with its forms, the entry form), Avis sur les pages (list, one page's texts),
 * Lisibilité and Recherches sans réponse — no axe violation at 320 and 1280 px in light and
 * dark, nothing wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fillItemsReadability } from '../../../hub/items/index.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { insertItems } from '../../helpers/items.js';
import { changeStatus, newVisitor, oldFormToken, publishedWish } from '../../hub/voice/fixtures.js';

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];
let wishId: string;
const ITEM = 'koumac-horaires-mairie';

describe.skipIf(!HAS_CHROMIUM)('the voice’s console screens in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'voicee2e' });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Koumac', role: 'partner-admin', partnerId: 'koumac' });
    wishId = await publishedWish(hub, newVisitor(), { title: 'Horaires de la mairie annexe de Koumac' });
    await changeStatus(hub, wishId, { status: 'a-l-etude', partnerIds: ['koumac'] }, TEST_ADMIN_TOKEN);
    await insertItems([
      {
        id: ITEM,
        partnerId: 'koumac',
        title: 'Horaires de la mairie',
        content:
          "<p>La mairie est ouverte du lundi au vendredi. L'accueil des administrés s'effectue exclusivement sur rendez-vous préalablement sollicité auprès du secrétariat général.</p>",
      },
    ]);
    await fillItemsReadability();
    const visitor = newVisitor();
    await hub.request(`/api/v1/items/${ITEM}/feedback`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': visitor },
      json: {
        useful: false,
        reasons: ['pas-clair'],
        text: 'Je ne sais pas comment prendre rendez-vous.',
        formToken: await oldFormToken(ITEM, visitor),
      },
    });
    await hub.request('/api/v1/items?q=cantine%20scolaire%20koumac');
    const ana = await signInAs(hub, 'ana@koumac.nc');
    cookies = [...ana.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const screens: [() => string, string][] = [
    [() => '/console/souhaits', 'console-souhaits'],
    [() => `/console/souhaits/${wishId}`, 'console-souhait'],
    [() => '/console/souhaits/nouveau', 'console-souhait-saisie'],
    [() => '/console/avis', 'console-avis'],
    [() => `/console/avis/${ITEM}`, 'console-avis-page'],
    [() => '/console/lisibilite', 'console-lisibilite'],
    [() => '/console/recherches-sans-reponse', 'console-recherches-sans-reponse'],
  ];
  for (const [path, name] of screens)
    it(
      `${name} passes the page checks`,
      () => checkPageEverywhere(browser, hub.url + path(), name, { cookies }),
      120_000,
    );
});
