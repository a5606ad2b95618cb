/** <passerelle-news> in Chromium on a partner page of another origin. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { renderHostPage } from './helpers/host-site.js';
import { runAxe, startWorld, type World } from './helpers/world.js';
import { EVENT_FIXTURE } from '../../helpers/items.js';
import { saveScreenshot } from '../../helpers/screenshots.js';

let world: World;

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!HAS_CHROMIUM)('<passerelle-news> in Chromium', () => {
  beforeAll(async () => {
    world = await startWorld('e2enews', (host) => [
      {
        id: 'noumea-marche',
        partnerId: 'noumea',
        title: 'Marché de nuit place des Cocotiers',
        summary: 'Le marché revient chaque jeudi soir.',
        // On the partner's image host, an origin the page must never contact.
        image: { url: `${host.origin.replace('127.0.0.1', 'localhost')}/marche.png`, alt: 'Étals du marché de nuit' },
        publishedAt: new Date(Date.UTC(2026, 10, 20)),
      },
      EVENT_FIXTURE,
    ]);
  });
  afterAll(() => world?.stop());

  it("lists the partner's items with title, date, partner, image and a link to the partner's page", async () => {
    const { hub, host, browser } = world;
    host.setPage(
      '/news.html',
      renderHostPage({ hubUrl: hub.url, body: '<passerelle-news partner="noumea" limit="5"></passerelle-news>' }),
    );
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${host.origin}/news.html`);
    const cards = page.locator('passerelle-news li.card');
    await expect.poll(() => cards.count()).toBe(3);
    // Time to first content is measured by `npm run bench -- widgets`, not here.

    const first = cards.first();
    await expect.poll(() => first.locator('h3').textContent()).toBe('Marché de nuit place des Cocotiers');
    expect(await first.locator('a').getAttribute('href')).toMatch(
      /^https:\/\/www\.example\.nc\/noumea\/noumea-marche$/,
    );
    expect(await first.locator('img').getAttribute('alt')).toBe('Étals du marché de nuit');
    // The image comes through the hub, resized, and is really shown.
    expect(await first.locator('img').getAttribute('src')).toMatch(new RegExp(`^${hub.url}/images/[\\w.-]+/640$`));
    expect(await first.locator('img').getAttribute('srcset')).toContain('/320 320w');
    await expect.poll(() => first.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await first.locator('time').textContent()).toBe('20 novembre 2026');
    expect(await first.locator('.meta').textContent()).toContain('Publié par Nouméa');
    const titles = await page.locator('passerelle-news h3').allTextContents();
    expect(titles).toEqual([
      'Marché de nuit place des Cocotiers',
      "Demande d'acte de naissance",
      'Réouverture de la piscine du Ouen Toro',
    ]);

    // Only the hub and the partner's own site were contacted; no cookie; no global but the elements.
    for (const url of requests) expect([hub.url, host.origin]).toContain(new URL(url).origin);
    expect(await page.context().cookies()).toEqual([]);
    await page.close();
  });

  it("shows an event's dates and place instead of its publication date, and marks an alert in words and shape", async () => {
    const { hub, host, browser } = world;
    host.setPage(
      '/marks.html',
      renderHostPage({
        hubUrl: hub.url,
        body: '<passerelle-news partner="province-nord" type="event"></passerelle-news><passerelle-news partner="ile-des-pins"></passerelle-news><passerelle-news partner="province-nord" type="event" lang="en"></passerelle-news>',
      }),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 320, height: 800 } });
      await page.goto(`${host.origin}/marks.html`);
      const widgets = page.locator('passerelle-news');
      const [events, alerts, english] = [widgets.nth(0), widgets.nth(1), widgets.nth(2)];
      const foire = events.locator('li.card', { hasText: 'Foire de Koumac' });
      await expect.poll(() => foire.count()).toBe(1);
      expect(await foire.locator('.kicker').textContent()).toBe('Événement');
      expect(await foire.locator('.event').innerText()).toBe('Du 12 au 14 mars 2027\nLieu\u00a0: Champ de foire');
      expect(await foire.locator('.event time').getAttribute('datetime')).toBe('2027-03-11T13:00:00.000Z');
      // The publication date (2 November 2026) is not what a reader of an event needs.
      expect(await foire.locator('.meta').textContent()).toBe('Publié par Province Nord');
      await expect
        .poll(() => english.locator('li.card .event').first().innerText())
        .toBe('From 12 to 14 March 2027\nVenue: Champ de foire');

      const alert = alerts.locator('li.card').first();
      await expect.poll(() => alert.getAttribute('class')).toBe('card alert');
      expect(await alert.locator('.alert-badge').textContent()).toBe('Alerte');
      const look = await alert.evaluate((el) => [
        getComputedStyle(el).borderLeftWidth,
        getComputedStyle(el).backgroundColor,
      ]);
      const plain = await foire.evaluate((el) => [
        getComputedStyle(el).borderLeftWidth,
        getComputedStyle(el).backgroundColor,
      ]);
      expect(look[0]).toBe('6px');
      expect(look).not.toEqual(plain);
      expect(await runAxe(page, 'passerelle-news'), colorScheme).toEqual([]);
      await saveScreenshot(page, `widget-news-marks-320-${colorScheme}`);
      await page.close();
    }
  });

  it('filters by type and topic, and takes defaults from the script tag', async () => {
    const { hub, host, browser } = world;
    host.setPage(
      '/defaults.html',
      renderHostPage({
        hubUrl: hub.url,
        scriptAttributes: 'data-partner="province-sud" data-lang="en"',
        body: '<passerelle-news topic="sante"></passerelle-news><passerelle-news partner="noumea" type="procedure" lang="fr"></passerelle-news>',
      }),
    );
    const page = await browser.newPage();
    await page.goto(`${host.origin}/defaults.html`);
    const [sud, noumea] = [page.locator('passerelle-news').nth(0), page.locator('passerelle-news').nth(1)];
    await expect.poll(() => sud.locator('h3').allTextContents()).toEqual(["Offre d'emploi : infirmier en dispensaire"]);
    expect(await sud.locator('h2').textContent()).toBe('News');
    expect(await sud.locator('.meta').textContent()).toContain('Published by Province Sud');
    await expect.poll(() => noumea.locator('h3').allTextContents()).toEqual(["Demande d'acte de naissance"]);
    expect(await noumea.locator('h2').textContent()).toBe('Actualités');
    await page.close();
  });

  it('says in French that the service is unavailable when the hub cannot be reached', async () => {
    const { hub, host, browser } = world;
    host.setPage(
      '/down.html',
      renderHostPage({
        hubUrl: hub.url,
        body: `<passerelle-news hub="http://127.0.0.1:${await closedPort()}"></passerelle-news>`,
      }),
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.origin}/down.html`);
    const status = page.locator('passerelle-news [role=status]');
    await expect
      .poll(() => status.textContent())
      .toBe('Le service est momentanément indisponible. Réessayez plus tard.');
    expect(await page.locator('passerelle-news h2').textContent()).toBe('Actualités');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds no global besides the custom elements', async () => {
    const { hub, host, browser } = world;
    const body = '<passerelle-news partner="noumea"></passerelle-news>';
    host.setPage('/bare.html', renderHostPage({ hubUrl: hub.url, body, withoutScript: true }));
    host.setPage('/with.html', renderHostPage({ hubUrl: hub.url, body }));
    const page = await browser.newPage();
    await page.goto(`${host.origin}/bare.html`);
    const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.goto(`${host.origin}/with.html`);
    await expect.poll(() => page.locator('passerelle-news li.card').count()).toBeGreaterThan(0);
    const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
    expect(
      await page.evaluate(() =>
        ['passerelle-news', 'passerelle-search', 'passerelle-article'].map((n) => !!customElements.get(n)),
      ),
    ).toEqual([true, true, true]);
    await page.close();
  });

  it("keeps the host page's CSS out of the widget, and the widget's CSS out of the page", async () => {
    const { hub, host, browser } = world;
    const css = `
      body { font-family: "Comic Sans MS", cursive; color: rgb(200, 0, 0); letter-spacing: 3px; line-height: 3; text-transform: uppercase; font-size: 30px; }
      h2, h3, a, p, li, ul, button, time, section { color: rgb(0, 128, 0) !important; font-size: 40px !important; margin: 50px !important; }
      passerelle-news { color: rgb(0, 0, 255); font-style: italic; text-align: right; }
      .card, .meta, .root, .cards { border: 9px solid rgb(255, 0, 255) !important; background: rgb(255, 255, 0) !important; }`;
    const hostMarkup =
      '<h2 id="host-h2">Titre du site</h2><p class="meta status" id="host-meta">Meta</p><ul class="cards" id="host-list"><li class="card">x</li></ul><button class="like more" id="host-button">Bouton</button><a id="host-link" href="#">lien</a>';
    const body = `${hostMarkup}<passerelle-news partner="noumea"></passerelle-news>`;
    host.setPage('/styled-bare.html', renderHostPage({ hubUrl: hub.url, css, body, withoutScript: true }));
    host.setPage('/styled.html', renderHostPage({ hubUrl: hub.url, css, body }));
    const readHost = () =>
      page.evaluate(() =>
        ['host-h2', 'host-meta', 'host-list', 'host-button', 'host-link'].map((id) => {
          const style = getComputedStyle(document.getElementById(id)!);
          return [
            style.color,
            style.fontFamily,
            style.fontSize,
            style.fontWeight,
            style.backgroundColor,
            style.border,
            style.padding,
            style.margin,
            style.display,
            style.textDecorationLine,
          ].join('|');
        }),
      );
    const page = await browser.newPage();
    await page.goto(`${host.origin}/styled-bare.html`);
    const hostBefore = await readHost();
    await page.goto(`${host.origin}/styled.html`);
    await expect.poll(() => page.locator('passerelle-news li.card').count()).toBe(3);
    expect(await readHost()).toEqual(hostBefore);

    const inside = await page.locator('passerelle-news').evaluate((el) => {
      const root = el.shadowRoot!;
      const pick = (sel: string) => getComputedStyle(root.querySelector(sel)!);
      const h2 = pick('h2');
      const card = pick('.card');
      const meta = pick('.meta');
      return {
        h2: [
          h2.color,
          h2.fontFamily.includes('Comic'),
          h2.letterSpacing,
          h2.textTransform,
          h2.fontStyle,
          h2.textAlign,
          h2.fontSize,
        ],
        card: [card.borderTopWidth, card.backgroundColor],
        meta: [meta.color, meta.lineHeight === 'normal' || parseFloat(meta.lineHeight) < 40],
      };
    });
    expect(inside).toEqual({
      h2: ['rgb(27, 27, 27)', false, 'normal', 'none', 'normal', 'start', '22px'],
      card: ['1px', 'rgb(244, 246, 249)'],
      meta: ['rgb(79, 85, 93)', true],
    });
    await page.close();
  });

  it('has no axe violation, in the light and the dark theme, down to 320 px', async () => {
    const { hub, host, browser } = world;
    host.setPage(
      '/axe-news.html',
      renderHostPage({
        hubUrl: hub.url,
        body: '<passerelle-news partner="noumea"></passerelle-news><passerelle-news theme="dark" partner="province-sud"></passerelle-news>',
      }),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 320, height: 800 } });
      await page.goto(`${host.origin}/axe-news.html`);
      await expect.poll(() => page.locator('passerelle-news li.card').count()).toBeGreaterThan(3);
      expect(await runAxe(page, 'passerelle-news'), colorScheme).toEqual([]);
      // Nothing wider than the phone: no horizontal scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.close();
    }
  });
});
