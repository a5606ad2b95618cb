/**
 * The wish pages in Chromium: proposing a wish with JavaScript (pages and open wishes
 * suggested while the title is typed, the form sent as it is), « Moi aussi » without
 * JavaScript, and the three pages without axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all)
 * (`SCREENSHOTS=/tmp/shots` saves them).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WishModel } from '../../../hub/voice/wishes/wish-model.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';
import { changeStatus, newVisitor, postWish, support } from '../../hub/voice/fixtures.js';

let hub: TestHub;
let browser: Browser;
let openWish: string;
let answeredWish: string;
const SLOW = 180_000;
/** The hub refuses a form whose token is younger than 3 s. */
const FORM_TOKEN_AGE_MS = 3_200;

async function publish(title: string, fields: Record<string, string> = {}): Promise<string> {
  const res = await postWish(hub, newVisitor(), { title, ...fields });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe.skipIf(!HAS_CHROMIUM)('the wish pages in Chromium', () => {
  beforeAll(async () => {
    // Post-moderation: a proposal is public at once (the default, pre, is tested over HTTP).
    hub = await startTestHub({ seed: true, label: 'e2ewishes', env: { WISHES_MODERATION: 'post' } });
    await insertItems(CATALOG_FIXTURES);
    await hub.services.catalog.search.refresh();
    openWish = await publish('Horaires de la piscine le dimanche', { commune: '98818' });
    expect((await support(hub, openWish, newVisitor())).status).toBe(200);
    answeredWish = await publish('Calendrier des collectes de déchets verts', {
      body: 'Je voudrais savoir quand passent les collectes de déchets verts dans mon quartier.',
    });
    expect((await changeStatus(hub, answeredWish, { status: 'a-l-etude', partnerIds: ['noumea'] })).status).toBe(200);
    expect(
      (
        await changeStatus(hub, answeredWish, {
          status: 'refuse',
          answer: 'Chaque commune publie son calendrier : voyez le site de la vôtre.',
        })
      ).status,
    ).toBe(200);
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it(
    'proposes a wish: pages and open wishes are suggested while typing, the form is sent as it is',
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${hub.url}/souhaits/proposer?campagne=fb-piscine`);
      const opened = Date.now();
      await page.getByLabel('Ce qui manque, en une ligne').pressSequentially('Horaires de la piscine du Ouen Toro');
      const suggestions = page.locator('#suggestions');
      await expect.poll(() => suggestions.isVisible(), { timeout: 10_000 }).toBe(true);
      // Suggestions come after pauses in typing: the last answer names the page and the open wish.
      const item = suggestions.getByRole('link', { name: 'Réouverture de la piscine du Ouen Toro' });
      const wish = suggestions.getByRole('link', { name: /^Horaires de la piscine le dimanche \(1\s?soutien\)$/ });
      await expect.poll(async () => [await item.count(), await wish.count()], { timeout: 10_000 }).toEqual([1, 1]);
      await page.getByLabel('Votre besoin').fill('Les horaires du week-end ne sont écrits nulle part.');
      await page.getByLabel('Commune concernée (facultatif)').selectOption('98818');
      await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
      await page.waitForURL(/\/souhaits\/proposer\?merci=1&souhait=/);
      const stored = await WishModel.findOne({ title: 'Horaires de la piscine du Ouen Toro' }).lean();
      expect(stored).toMatchObject({ commune: '98818', campaign: 'fb-piscine', moderation: 'published' });
      await page.getByRole('link', { name: 'Voir votre souhait' }).click();
      expect(await page.locator('h1').textContent()).toBe('Horaires de la piscine du Ouen Toro');
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'supports a wish without JavaScript, then withdraws',
    async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${hub.url}/souhaits`);
      await page.getByRole('link', { name: 'Horaires de la piscine le dimanche' }).click();
      expect(await page.locator('#soutiens').textContent()).toBe('1\u00a0soutien');
      await page.getByRole('button', { name: 'Moi aussi' }).click();
      await page.waitForURL(/etat=soutenu/);
      expect(await page.locator('#soutiens').textContent()).toBe('2\u00a0soutiens');
      expect(await page.getByText('Votre soutien est enregistré.').count()).toBe(1);
      await page.getByRole('button', { name: 'Retirer mon soutien' }).click();
      await page.waitForURL(/etat=retire/);
      expect(await page.locator('#soutiens').textContent()).toBe('1\u00a0soutien');
      await context.close();
    },
    SLOW,
  );

  for (const [name, path] of [
    ['list', () => '/souhaits'],
    ['wish', () => `/souhaits/${answeredWish}`],
    ['form', () => '/souhaits/proposer'],
  ] as const) {
    it(
      `${name}: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), nothing wider than the screen`,
      async () => {
        await checkPageEverywhere(browser, hub.url + path(), `portal-wishes-${name}`);
      },
      SLOW,
    );
  }
});
