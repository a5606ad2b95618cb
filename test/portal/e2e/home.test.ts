/** The home page in Chromium: readable and searchable without JavaScript, axe-clean at 320 and 1280 px, light and dark. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { COLOR_SCHEMES, saveScreenshot } from '../../helpers/screenshots.js';

let hub: TestHub;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('the home page in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'e2ehome' });
    await insertItems([
      ...CATALOG_FIXTURES,
      {
        id: 'nord-foire',
        partnerId: 'province-nord',
        type: 'event',
        title: 'Foire de Koumac : bétail, artisanat et produits du terroir',
        summary: 'Trois jours de foire agricole, de concours et de spectacles.',
        publishedAt: new Date(Date.UTC(2026, 10, 2)),
        event: {
          start: new Date('2027-03-11T13:00:00Z'),
          end: new Date('2027-03-13T13:00:00Z'),
          place: 'Champ de foire de Koumac',
        },
      },
    ]);
    await hub.services.catalog.search.refresh();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  // Four page loads with axe each: more than the default 30 s on a loaded two-core machine.
  it('has no axe violation at 320 and 1280 px, light and dark, and nothing wider than the screen', async () => {
    await checkPageEverywhere(browser, `${hub.url}/`, 'home');
  }, 90_000);

  it('neither with search results', async () => {
    await checkPageEverywhere(browser, `${hub.url}/?q=emploi`, 'home-search');
  }, 90_000);

  it('follows the visitor’s colour scheme, in system fonts', async () => {
    const backgrounds: string[] = [];
    for (const colorScheme of COLOR_SCHEMES) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${hub.url}/`);
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      // System fonts only: nothing to download.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
      await page.close();
    }
    expect(backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(21, 24, 29)']);
  });

  it('searches with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${hub.url}/`);
    await page.getByLabel('Rechercher dans les contenus des partenaires').fill('emploi');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\?q=emploi/);
    expect(await page.locator('.pl-results-count').textContent()).toBe('2 résultats pour «\u202femploi\u202f»');
    expect(await page.locator('#resultats-titre ~ .pl-cards h3').allTextContents()).toEqual([
      "Offre d'emploi : infirmier en dispensaire",
      "Offre d'emploi : agent de développement rural",
    ]);
    await saveScreenshot(page, 'home-search-nojs-320-light');
    await context.close();
  });

  it('takes the keyboard to the content through the skip link', async () => {
    const page = await browser.newPage();
    await page.goto(`${hub.url}/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.close();
  });

  it('shows an event’s dates and place, and marks an alert in words', async () => {
    const page = await browser.newPage();
    await page.goto(`${hub.url}/`);
    const event = page.locator('article', { hasText: 'Foire de Koumac' });
    expect(await event.locator('.pl-event').innerText()).toBe(
      'Du 12 au 14 mars 2027\nLieu\u00a0: Champ de foire de Koumac',
    );
    const alert = page.locator('#alertes-titre ~ .pl-cards article').first();
    expect(await alert.locator('.pl-badge').innerText()).toContain('Alerte');
    expect(await alert.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('6px');
    await page.close();
  });
});
