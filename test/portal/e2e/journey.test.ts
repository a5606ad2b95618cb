/**
 * A citizen's paths through the portal in Chromium: choose a commune, search with a typo,
 * filter, open an item and go on to the partner; the same search without JavaScript; like
 * and comment on an item page; search and read with the keyboard only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';
import { saveScreenshot } from '../../helpers/screenshots.js';
import { startPortalWorld, type PortalWorld } from '../helpers/portal-world.js';

let world: PortalWorld;
let browser: Browser;

/** The widgets' comment form refuses a form token younger than 3 s (a bot's speed). */
const FORM_TOKEN_AGE_MS = 3_200;
const SLOW = 120_000;

/** The titles of the result cards, in order. */
function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#resultats-titre ~ .pl-cards .pl-card__title').allTextContents();
}

/** What has the focus: `tag#id` or `tag.class`, and its text. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.textContent?.trim().slice(0, 60) ?? ''}`;
  });
}

async function tabUntil(page: Page, matches: (focus: string) => boolean, max = 60): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focus = await describeFocus(page);
    if (matches(focus)) return focus;
  }
  throw new Error('focus never reached its target');
}

describe.skipIf(!HAS_CHROMIUM)('a citizen on the portal, in Chromium', () => {
  beforeAll(async () => {
    world = await startPortalWorld('e2ejourney');
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it(
    'chooses a commune, searches with a typo, filters, opens an item and follows the partner link',
    async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
      // The partner's site is outside the machine: the browser gets a stand-in.
      await page.route('https://www.example.nc/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>Site du partenaire</title>' }),
      );
      await page.goto(`${world.hub.url}/`);
      await page.getByLabel('Choisir ma commune').selectOption({ label: 'Koné' });
      await page.getByRole('button', { name: 'Choisir cette commune' }).click();
      await page.waitForURL(`${world.hub.url}/`);
      expect(await page.getByLabel('Changer de commune').inputValue()).toBe('kone');
      expect(await page.locator('main').innerText()).toContain('Koné');

      await page.getByLabel('Rechercher dans les contenus des partenaires').fill('pisicne');
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.waitForURL(/\/recherche\?q=pisicne/);
      await page.getByRole('link', { name: '«\u202fpiscine\u202f»' }).click();
      await page.waitForURL(/q=piscine/);
      expect(await resultTitles(page)).toEqual(['Réouverture de la piscine du Ouen Toro']);

      const facet = page
        .locator('.pl-facets__group', { has: page.locator('#facette-type') })
        .locator('a')
        .first();
      await facet.click();
      await page.waitForURL(/type=/);
      expect(await page.locator('.pl-active-filters').innerText()).toContain('Retirer le filtre');
      expect(await resultTitles(page)).toEqual(['Réouverture de la piscine du Ouen Toro']);
      await saveScreenshot(page, 'journey-search-filtered-320');

      await page.getByRole('link', { name: 'Réouverture de la piscine du Ouen Toro' }).click();
      await page.waitForURL(`${world.hub.url}/articles/noumea-piscine`);
      expect(await page.locator('h1').innerText()).toBe('Réouverture de la piscine du Ouen Toro');
      await page.locator('.pl-item-head .pl-button--primary').click();
      await page.waitForURL('https://www.example.nc/noumea/noumea-piscine');
      await page.close();
    },
    SLOW,
  );

  it(
    'gives the same first results without JavaScript',
    async () => {
      const titles: string[][] = [];
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 720 } });
        const page = await context.newPage();
        await page.goto(`${world.hub.url}/`);
        await page.getByLabel('Rechercher dans les contenus des partenaires').fill('carte identité');
        await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
        await page.waitForURL(/\/recherche\?q=carte/);
        titles.push(await resultTitles(page));
        if (!javaScriptEnabled) await saveScreenshot(page, 'journey-search-nojs-320');
        await context.close();
      }
      expect(titles[0]!.length).toBeGreaterThan(0);
      expect(titles[1]).toEqual(titles[0]);
    },
    SLOW,
  );

  it(
    'likes and comments on an item page',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${world.hub.url}/articles/noumea-etat-civil`);
      await page.locator('passerelle-article form.comment-form').waitFor();
      const like = page.getByRole('button', { name: "J'aime" });
      await like.click();
      await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await expect.poll(() => page.getByRole('button', { name: "J'aime" }).getAttribute('aria-pressed')).toBe('true');

      await page.waitForTimeout(FORM_TOKEN_AGE_MS);
      await page.getByLabel('Pseudonyme').fill('Marie');
      await page.getByLabel('Commentaire', { exact: true }).fill('Merci, c’est clair.');
      await page.getByRole('button', { name: 'Publier le commentaire' }).click();
      const outcome = page.locator('passerelle-article .outcome');
      await expect.poll(() => outcome.textContent()).toMatch(/^Votre commentaire (a été publié|sera publié après)/);
      const bodies: string[] = [];
      for (const status of ['published', 'pending']) {
        const res = await world.hub.request(`/api/v1/admin/comments?item=noumea-etat-civil&status=${status}`, {
          token: TEST_ADMIN_TOKEN,
        });
        bodies.push(...((await res.json()) as { comments: { body: string }[] }).comments.map((c) => c.body));
      }
      expect(bodies).toEqual(['Merci, c’est clair.']);
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'searches and reads with the keyboard only',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${world.hub.url}/recherche`);
      await page.keyboard.press('Tab');
      expect(await describeFocus(page)).toBe('a Aller au contenu');
      await page.keyboard.press('Enter');
      await tabUntil(page, (f) => f.startsWith('input#q'));
      await page.keyboard.type('permis');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=permis/);
      // Tab to the first result's title link.
      let href: string | null = null;
      for (let i = 0; i < 60 && !href; i++) {
        await page.keyboard.press('Tab');
        href = await page.evaluate(
          () => document.activeElement?.closest('.pl-card__title a')?.getAttribute('href') ?? null,
        );
      }
      expect(href).toMatch(/^\/articles\//);
      // The focus is visible: an outline drawn by the tokens' focus ring.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL(world.hub.url + href!);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
      const primary = await tabUntil(page, (f) => f.includes('Lire sur'));
      expect(primary).toMatch(/^a Lire sur/);
      await page.close();
    },
    SLOW,
  );
});
