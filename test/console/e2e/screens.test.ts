/**
 * The console's main screens in Chromium, signed in: no axe violation at 320 and 1280 px in
 * light and dark, nothing wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { createItem, newVisitor, postCommentOk } from '../../hub/interaction/fixtures.js';

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];

describe.skipIf(!HAS_CHROMIUM)('console screens in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolee2e' });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    const lea = await signInAs(hub, 'lea@gouv.nc');
    await lea.html('/console/partenaires/koumac');
    await lea.post('/console/partenaires/koumac', {
      moderation: 'pre',
      allowedOrigins: '',
      contactEmail: 'mairie@koumac.nc',
    });
    await postCommentOk(hub, await createItem('koumac'), newVisitor(), {
      author: 'Jean',
      body: 'Le marché est-il maintenu samedi ?',
    });
    cookies = [...lea.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const screens: [string, string][] = [
    ['/console', 'console-a-traiter'],
    ['/console/sources', 'console-sources'],
    ['/console/sources/nouvelle', 'console-source-nouvelle'],
    ['/console/moderation', 'console-moderation'],
    ['/console/partenaires/koumac', 'console-partenaire'],
    ['/console/comptes', 'console-comptes'],
    ['/console/notifications', 'console-notifications'],
  ];
  for (const [path, name] of screens)
    it(
      `${path} passes the page checks`,
      () => checkPageEverywhere(browser, hub.url + path, name, { cookies }),
      120_000,
    );

  it('the sign-in page passes the page checks', () =>
    checkPageEverywhere(browser, `${hub.url}/console/connexion`, 'console-connexion'));
});
