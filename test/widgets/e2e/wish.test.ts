/** <passerelle-wish> on a partner site, and the page feedback of <passerelle-article>, in Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FeedbackModel } from '../../../hub/voice/feedback/feedback-model.js';
import { WishModel } from '../../../hub/voice/wishes/wish-model.js';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';
import { newVisitor, wishFormToken } from '../../hub/voice/fixtures.js';
import { runAxe, startWorld, type World } from './helpers/world.js';

let world: World;
/** The hub refuses a form whose token is younger than 3 s. */
const FORM_TOKEN_AGE_MS = 3_200;

function hostPage(body: string, script = 'wish.js'): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mairie — proposer un contenu</title><link rel="icon" href="data:,"></head>
<body><main><h1>Site de la mairie</h1>${body}</main>
<script src="${world.hub.url}/widgets/v1/${script}"></script></body></html>`;
}

async function open(path: string, html: string, width = 1024, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  world.host.setPage(path, html);
  const page = await world.browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  await page.goto(`${world.host.origin}${path}?campagne=fb-piscine`);
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('<passerelle-wish> and page feedback in Chromium', () => {
  let existing: string;

  beforeAll(async () => {
    world = await startWorld('e2ewish');
    const visitor = newVisitor();
    const res = await world.hub.request('/api/v1/wishes', {
      method: 'POST',
      headers: { 'Passerelle-Visitor': visitor },
      json: {
        title: 'Horaires de la piscine le dimanche',
        body: 'Les horaires du dimanche ne sont indiqués nulle part.',
        formToken: await wishFormToken(visitor),
      },
    });
    existing = ((await res.json()) as { id: string }).id;
    await world.hub.request(`/api/v1/admin/wishes/${existing}/moderation`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { action: 'approve' },
    });
  });
  afterAll(() => world?.stop());

  it('proposes a wish from another origin, suggesting what exists while typing, and supports one', async () => {
    const page = await open('/souhait.html', hostPage('<passerelle-wish commune="98818"></passerelle-wish>'));
    const wish = page.locator('passerelle-wish');
    await wish.locator('form.wish-form').waitFor();
    const opened = Date.now();
    await page.getByLabel('Ce qui vous manque (titre)').pressSequentially('horaires piscine dimanche', { delay: 20 });
    const suggested = wish.locator('.suggested');
    await expect.poll(() => suggested.textContent(), { timeout: 10_000 }).toContain('Cela existe peut-être déjà');
    expect(await suggested.textContent()).toContain('Horaires de la piscine le dimanche');
    expect(await runAxe(page, 'passerelle-wish')).toEqual([]);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/wish-typing.png`, fullPage: true });

    await suggested.getByRole('button', { name: 'Moi aussi' }).click();
    await expect.poll(() => suggested.locator('.count').textContent()).toBe('1 soutien');
    expect(await suggested.getByRole('button', { name: 'Moi aussi' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByLabel('Expliquez votre besoin').fill('Je voudrais aussi les horaires des vacances scolaires.');
    await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    const outcome = wish.locator('.outcome');
    await expect.poll(() => outcome.textContent()).toContain('publiée après relecture');
    const stored = await WishModel.findOne({ title: 'horaires piscine dimanche' }).lean();
    expect(stored).toMatchObject({ commune: '98818', campaign: 'fb-piscine', moderation: 'pending' });
    for (const [width, scheme] of [
      [320, 'dark'],
      [1280, 'light'],
    ] as const) {
      const other = await open(
        `/souhait-${width}.html`,
        hostPage('<passerelle-wish></passerelle-wish>'),
        width,
        scheme,
      );
      await other.locator('passerelle-wish form.wish-form').waitFor();
      expect(await runAxe(other, 'passerelle-wish'), `${width} ${scheme}`).toEqual([]);
      if (process.env.SCREENSHOTS)
        await other.screenshot({ path: `${process.env.SCREENSHOTS}/wish-${width}-${scheme}.png`, fullPage: true });
      await other.close();
    }
    await page.close();
  }, 90_000);

  it('gives feedback on an item in <passerelle-article>: « Non », what went wrong, a text', async () => {
    const page = await open(
      '/article.html',
      hostPage('<passerelle-article item="noumea-piscine"></passerelle-article>', 'embed.js'),
    );
    const article = page.locator('passerelle-article');
    await article.locator('section.feedback').waitFor();
    const opened = Date.now();
    await article.getByRole('button', { name: 'Non' }).click();
    await article.getByLabel('L’information est obsolète ou erronée').check();
    await article.getByLabel('Précisez (facultatif, 500 caractères)').fill('Les tarifs ont changé en 2026.');
    expect(await runAxe(page, 'passerelle-article')).toEqual([]);
    await page.waitForTimeout(Math.max(0, FORM_TOKEN_AGE_MS - (Date.now() - opened)));
    await article.getByRole('button', { name: 'Envoyer', exact: true }).click();
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/article-feedback.png`, fullPage: true });
    await expect.poll(() => article.locator('section.feedback').textContent()).toContain('Merci pour votre réponse.');
    expect(await FeedbackModel.findOne({ itemId: 'noumea-piscine' }).lean()).toMatchObject({
      useful: false,
      reasons: ['obsolete'],
      text: 'Les tarifs ont changé en 2026.',
    });
    await page.close();
  }, 60_000);
});
