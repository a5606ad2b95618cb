/**
 * « Mes données » in Chromium without JavaScript: a citizen answers a page and supports a
 * wish through the portal's forms, reads the counts, confirms the erasure through the
 * forms; every step without axe violation, at 320 and 1280 px (`SCREENSHOTS=/tmp/shots`
 * saves them).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../helpers/axe.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';
import { saveScreenshot, VIEWPORTS } from '../../helpers/screenshots.js';
import { newVisitor, publishedWish } from '../../hub/voice/fixtures.js';

let hub: TestHub;
let browser: Browser;
let wishId: string;
const SLOW = 120_000;
/** The hub refuses a form whose token is younger than 3 s. */
const FORM_TOKEN_AGE_MS = 3_200;

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/**
 * axe runs scripts in the page, which a context without JavaScript refuses: each page the
 * script-less citizen saw is opened again, with its cookie, at 320 and 1280 px, and checked.
 */
async function checkEverywhere(path: string, name: string, cookies: Cookies): Promise<void> {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, colorScheme: 'light' });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(hub.url + path);
    const label = `${name} ${viewport.width}`;
    expect(await runAxe(page), label).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(viewport.width);
    await saveScreenshot(page, `${name}-${viewport.width}-light`);
    await context.close();
  }
}

async function visitorKeyOf(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((c) => c.name === 'passerelle_visiteur')?.value;
}

describe.skipIf(!HAS_CHROMIUM)('« Mes données » in Chromium without JavaScript', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'e2emydata' });
    await insertItems(CATALOG_FIXTURES);
    wishId = await publishedWish(hub, newVisitor(), { title: 'Horaires de la piscine le dimanche' });
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it(
    'counts, then erases through the confirmation form; no axe violation at 320 and 1280 px',
    async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${hub.url}/articles/noumea-piscine/avis?reponse=oui`);
      // The token is issued while the page renders, so its age counts from the page's arrival.
      const opened = Date.now();
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.waitForURL(/avis\?merci=1$/);
      await page.goto(`${hub.url}/souhaits/${wishId}`);
      await page.getByRole('button', { name: /Moi aussi/ }).click();
      await page.waitForURL(/etat=soutenu/);
      const key = await visitorKeyOf(context);
      expect(key).toBeTruthy();

      await page.getByRole('contentinfo').getByRole('link', { name: 'Mes données' }).click();
      await page.waitForURL(/\/mes-donnees$/);
      const counts = await page.locator('.pl-my-data__counts').innerText();
      expect(counts).toMatch(/1\s+avis sur une page/);
      expect(counts).toMatch(/1\s+soutien «\s?Moi aussi\s?»/);
      const cookies = await context.cookies();
      await checkEverywhere('/mes-donnees', 'portal-my-data', cookies);
      await checkEverywhere('/mes-donnees/effacer', 'portal-my-data-confirm', cookies);

      await page.getByRole('button', { name: 'Effacer mes données' }).click();
      await page.waitForURL(/\/mes-donnees\/effacer\??$/);
      const confirmed = Date.now();
      expect(await page.locator('.pl-my-data__counts').innerText()).toMatch(/1\s+avis sur une page/);
      expect(await page.locator('h1').textContent()).toBe('Effacer mes données');
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - confirmed)));
      await page.getByRole('button', { name: 'Oui, effacer mes données' }).click();
      await page.waitForURL(/\/mes-donnees\?efface=1$/);
      expect(await page.getByRole('status').innerText()).toContain('Vos données sont effacées.');
      await checkEverywhere('/mes-donnees?efface=1', 'portal-my-data-erased', []);
      expect(await visitorKeyOf(context)).toBeUndefined();

      const after = (await (
        await hub.request('/api/v1/visitor/data', { headers: { 'Passerelle-Visitor': key! } })
      ).json()) as Record<string, unknown[]>;
      expect([after.feedback, after.supports]).toEqual([[], []]);
      await context.close();
    },
    SLOW,
  );
});
