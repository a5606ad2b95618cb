/**
 * The share block in Chromium: an item page carrying it passes axe at 320 and 1280 px,
 * light and dark; « Copier le lien » copies the address with JavaScript; without it, the
 * address is in a read-only field, and no button promises what cannot happen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { insertItems } from '../../helpers/items.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

const SLOW = 180_000;
let hub: TestHub;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('the share block in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'e2eshare' });
    await insertItems([
      {
        id: 'noumea-ete',
        partnerId: 'noumea',
        title: 'Piscines : horaires d’été, du 1er décembre au 28 février 2027, dans les quatre bassins de la ville',
        summary: 'Les piscines ouvrent plus tôt de décembre à février.',
        image: { url: 'https://www.noumea.nc/files/piscine.jpg', alt: 'Bassin' },
      },
    ]);
    await hub.services.catalog.search.refresh();
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it(
    'item page with the share block: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), nothing wider than the screen',
    async () => {
      await checkPageEverywhere(browser, `${hub.url}/articles/noumea-ete`, 'portal-item-share');
    },
    SLOW,
  );

  it('copies the address with JavaScript and says so', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    const page = await context.newPage();
    await page.goto(`${hub.url}/articles/noumea-ete`);
    const button = page.getByRole('button', { name: 'Copier le lien' });
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://portal.test/articles/noumea-ete');
    // Focus is visible on the links (the kit's :focus-visible outline).
    await page.getByRole('link', { name: 'Partager sur Facebook (nouvelle fenêtre)' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('without JavaScript: the address in a read-only field, no copy button', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.url}/articles/noumea-ete`);
    const field = page.getByLabel('Adresse de cette page');
    expect(await field.inputValue()).toBe('http://portal.test/articles/noumea-ete');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Copier le lien' }).count()).toBe(0);
    for (const name of ['Facebook', 'X', 'LinkedIn', 'WhatsApp'])
      expect(await page.getByRole('link', { name: `Partager sur ${name} (nouvelle fenêtre)` }).count(), name).toBe(1);
    expect(await page.getByRole('link', { name: 'Envoyer par Courriel' }).count()).toBe(1);
    await context.close();
  });
});
