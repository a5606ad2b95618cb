/**
 * Every portal page kind in Chromium: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all),
 * nothing wider than the screen, no console error (a CSP refusal would show there).
 * `SCREENSHOTS=/tmp/shots npx vitest run test/portal/e2e/pages.test.ts` saves them to look at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { COLOR_SCHEMES } from '../../helpers/screenshots.js';
import { startPortalWorld, type PortalWorld } from '../helpers/portal-world.js';

let world: PortalWorld;
let browser: Browser;

/** Four page loads with axe each: more than the default 30 s on a loaded two-core machine. */
const SLOW = 180_000;

describe.skipIf(!HAS_CHROMIUM)('the portal’s page kinds in Chromium', () => {
  beforeAll(async () => {
    world = await startPortalWorld('e2epages');
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  const pages: [string, () => string, number?][] = [
    ['home', () => '/'],
    ['home-commune', () => '/?commune=kone'],
    ['search', () => '/recherche?q=emploi'],
    ['search-typo', () => '/recherche?q=pisicne'],
    ['search-filtered', () => '/recherche?type=procedure&audience=particuliers'],
    ['search-error', () => '/recherche?page=zero', 400],
    ['item-news', () => '/articles/noumea-piscine'],
    ['item-event', () => '/articles/nord-foire'],
    ['item-fiche', () => `/articles/${world.ficheItems.get('F1342')}`],
    ['partners', () => '/partenaires'],
    ['partner', () => '/partenaires/province-sud'],
    ['commune', () => '/communes/kone'],
    ['theme', () => '/themes/emploi'],
    ['accessibility', () => '/accessibilite'],
    ['legal', () => '/mentions-legales'],
    ['privacy', () => '/donnees-personnelles'],
    ['not-found', () => '/articles/inconnu', 404],
  ];

  for (const [name, path, status] of pages) {
    it(
      `${name}: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), nothing wider than the screen`,
      async () => {
        await checkPageEverywhere(browser, world.hub.url + path(), `portal-${name}`, { status });
      },
      SLOW,
    );
  }

  it('follows the visitor’s colour scheme, in system fonts', async () => {
    const backgrounds: string[] = [];
    for (const colorScheme of COLOR_SCHEMES) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${world.hub.url}/`);
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
      await page.close();
    }
    expect(backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(21, 24, 29)']);
  });

  it('prints without the navigation, the search and the footer', async () => {
    const page = await browser.newPage();
    await page.goto(`${world.hub.url}/articles/noumea-piscine`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.pl-nav', 'footer'])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });
});
