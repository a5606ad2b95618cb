/**
 * « Cette page vous a-t-elle été utile ? » on the portal's item pages, in Chromium with and
 * without JavaScript: the question, the form page (its own token, the cookie visitor), the
 * refusal in French, the thanks, and the answer stored and changeable.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackModel } from '../../../hub/voice/feedback/feedback-model.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';

// The catalog fixtures are enough here (the DILA fiches of the portal world are not needed).
let world: { hub: TestHub };
let browser: Browser;
const SLOW = 180_000;
/** The hub refuses a form whose token is younger than 3 s. */
const FORM_TOKEN_AGE_MS = 3_200;

async function answer(page: Page, reponse: 'Oui' | 'Non'): Promise<number> {
  await page.goto(`${world.hub.url}/articles/noumea-piscine`);
  await page.getByRole('button', { name: reponse, exact: true }).click();
  await page.waitForURL(/\/articles\/noumea-piscine\/avis\?reponse=/);
  return Date.now();
}

describe.skipIf(!HAS_CHROMIUM)('page feedback on the portal, in Chromium', () => {
  beforeAll(async () => {
    const hub = await startTestHub({ seed: true, label: 'e2efeedback' });
    await insertItems(CATALOG_FIXTURES);
    await hub.services.catalog.search.refresh();
    world = { hub };
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await world?.hub.stop();
  });

  it(
    'works without JavaScript: « Non », what went wrong, a text; a French refusal; thanks; one answer, changeable',
    async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      let opened = await answer(page, 'Non');
      expect(await page.getByRole('radio', { name: 'Non' }).isChecked()).toBe(true);
      await page.getByLabel('L’information est incomplète').check();
      await page
        .getByLabel('Précisez (facultatif, 500 caractères au plus)')
        .fill('Il manque les horaires du dimanche.');
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.waitForURL(/avis\?merci=1$/);
      expect(await page.locator('h1').textContent()).toContain('Votre avis sur');
      expect(await page.getByText('Merci pour votre réponse.').count()).toBe(1);
      const stored = await FeedbackModel.find({ itemId: 'noumea-piscine' }).lean();
      expect(stored).toMatchObject([
        { useful: false, reasons: ['incomplet'], text: 'Il manque les horaires du dimanche.' },
      ]);

      // Sent without an answer: the same page, 400, « Erreur : » and the summary.
      await page.goto(`${world.hub.url}/articles/noumea-piscine/avis`);
      opened = Date.now();
      const response = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Envoyer mon avis' }).click(),
      ]);
      expect(response[0].status()).toBe(400);
      expect(await page.title()).toMatch(/^Erreur\u00a0:/);
      expect(await page.getByText('Répondez par oui ou par non.').count()).toBeGreaterThan(0);

      // The same visitor (the cookie) changes its mind: still one answer.
      opened = await answer(page, 'Oui');
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.waitForURL(/avis\?merci=1$/);
      expect(await FeedbackModel.find({ itemId: 'noumea-piscine' }).lean()).toMatchObject([
        { useful: true, reasons: [] },
      ]);
      await context.close();
    },
    SLOW,
  );

  it(
    'works with JavaScript, another visitor adding its own answer',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const opened = await answer(page, 'Oui');
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.waitForURL(/avis\?merci=1$/);
      expect(await FeedbackModel.countDocuments({ itemId: 'noumea-piscine' })).toBe(2);
      await context.close();
    },
    SLOW,
  );

  it(
    'the form page has no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all)',
    async () => {
      await checkPageEverywhere(
        browser,
        `${world.hub.url}/articles/noumea-piscine/avis?reponse=non`,
        'portal-feedback',
      );
    },
    SLOW,
  );
});
