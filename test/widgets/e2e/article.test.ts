/** <passerelle-article> in Chromium: likes, comments, moderation outcomes, flags, keyboard, axe. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';
import { EVENT_FIXTURE } from '../../helpers/items.js';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { renderHostPage } from './helpers/host-site.js';
import { describeFocus, runAxe, startWorld, type World } from './helpers/world.js';
import { saveScreenshot } from '../../helpers/screenshots.js';

let world: World;
/** The hub refuses a comment whose form token is younger than 3 s. */
const FORM_TOKEN_AGE_MS = 3_200;

async function openArticle(
  item: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; attributes?: string } = {},
): Promise<Page> {
  world.host.setPage(
    `/article-${item}.html`,
    renderHostPage({
      hubUrl: world.hub.url,
      body: `<passerelle-article item="${item}" ${options.attributes ?? ''}></passerelle-article>`,
    }),
  );
  const page = await world.browser.newPage({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1024, height: 900 },
  });
  await page.goto(`${world.host.origin}/article-${item}.html`);
  await page.locator('passerelle-article form.comment-form').waitFor();
  return page;
}

async function postComment(page: Page, author: string, body: string): Promise<string> {
  await page.getByLabel('Pseudonyme').fill(author);
  await page.getByLabel('Commentaire', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Publier le commentaire' }).click();
  const outcome = page.locator('passerelle-article .outcome');
  await expect.poll(() => outcome.textContent()).not.toBe('Envoi en cours…');
  return (await outcome.textContent()) ?? '';
}

async function makeToken(role: string, partnerId: string): Promise<string> {
  const res = await world.hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name: 'e2e', role, partnerId },
  });
  return ((await res.json()) as { token: string }).token;
}

describe.skipIf(!HAS_CHROMIUM)('<passerelle-article> in Chromium', () => {
  beforeAll(async () => {
    world = await startWorld('e2earticle', (host) => [
      EVENT_FIXTURE,
      {
        id: 'noumea-port',
        partnerId: 'noumea',
        title: 'Travaux au port autonome',
        summary: 'Les quais sont rénovés jusqu’en mars.',
        // On the partner's image host, an origin the page must never contact.
        image: { url: `${host.origin.replace('127.0.0.1', 'localhost')}/port.jpg`, alt: 'Le quai en travaux' },
      },
    ]);
    await PartnerModel.updateOne({ _id: 'province-sud' }, { $set: { moderation: { mode: 'pre' } } });
    await PartnerModel.updateOne({ _id: 'noumea' }, { $set: { moderation: { mode: 'post' } } });
  });
  afterAll(() => world?.stop());

  it("shows the item with a link to the partner's page", async () => {
    const page = await openArticle('noumea-piscine');
    expect(await page.locator('passerelle-article h2').textContent()).toBe('Réouverture de la piscine du Ouen Toro');
    expect(await page.locator('passerelle-article .summary').textContent()).toBe(
      'La piscine municipale rouvre ses bassins après travaux.',
    );
    const link = page.getByRole('link', { name: 'Lire sur le site de Nouméa' });
    expect(await link.getAttribute('href')).toBe('https://www.example.nc/noumea/noumea-piscine');
    await page.close();
  });

  it("shows the item's image through the hub, resized, without contacting the partner's image host", async () => {
    for (const width of [320, 1280]) {
      const requests: string[] = [];
      const page = await world.browser.newPage({ viewport: { width, height: 900 } });
      page.on('request', (r) => requests.push(r.url()));
      world.host.setPage(
        '/article-port.html',
        renderHostPage({ hubUrl: world.hub.url, body: '<passerelle-article item="noumea-port"></passerelle-article>' }),
      );
      await page.goto(`${world.host.origin}/article-port.html`);
      const image = page.locator('passerelle-article img.lead-image');
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
      expect(await image.getAttribute('alt')).toBe('Le quai en travaux');
      const loaded = await image.evaluate((img) => (img as HTMLImageElement).currentSrc);
      expect(loaded.startsWith(`${world.hub.url}/images/`)).toBe(true);
      for (const url of requests) expect([world.hub.url, world.host.origin]).toContain(new URL(url).origin);
      expect(await runAxe(page, 'passerelle-article')).toEqual([]);
      await saveScreenshot(page, `widget-article-image-${width}`);
      await page.close();
    }
  }, 60_000);

  it("shows an event's dates and place, and marks an alert in words and shape", async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const event = await openArticle('nord-foire', { colorScheme, width: 320 });
      expect(await event.locator('passerelle-article .kicker').textContent()).toBe('Événement');
      expect(await event.locator('passerelle-article .event').innerText()).toBe(
        'Du 12 au 14 mars 2027\nLieu\u00a0: Champ de foire',
      );
      expect(await runAxe(event, 'passerelle-article'), colorScheme).toEqual([]);
      await event.close();
      const alert = await openArticle('idp-eau', { colorScheme, width: 320 });
      const article = alert.locator('passerelle-article article');
      expect(await article.getAttribute('class')).toBe('item alert');
      expect(await article.locator('.alert-badge').textContent()).toBe('Alerte');
      expect(await article.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('6px');
      expect(await alert.locator('passerelle-article .event').count()).toBe(0);
      expect(await runAxe(alert, 'passerelle-article'), colorScheme).toEqual([]);
      await alert.close();
    }
    // Four pages and four axe runs: about 28 s on a loaded machine.
  }, 60_000);

  it('toggles a like that survives a reload, without cookies', async () => {
    const page = await openArticle('noumea-etat-civil');
    const like = page.getByRole('button', { name: "J'aime" });
    const count = page.locator('passerelle-article .like-row .count');
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await count.textContent()).toBe("1 mention J'aime");
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: "J'aime" }).getAttribute('aria-pressed')).toBe('true');
    expect(await count.textContent()).toBe("1 mention J'aime");
    expect(await page.evaluate(() => localStorage.getItem('passerelle.visitor'))).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(await page.context().cookies()).toEqual([]);
    await page.getByRole('button', { name: "J'aime" }).click();
    await expect.poll(() => count.textContent()).toBe("0 mention J'aime");
    await page.close();
  });

  it('publishes a comment at once under post-moderation, and says so', async () => {
    const page = await openArticle('noumea-piscine');
    expect(await page.locator('passerelle-article .comment-form .note').isHidden()).toBe(true);
    await page.waitForTimeout(FORM_TOKEN_AGE_MS);
    const outcome = await postComment(page, 'Marie', 'Enfin ! Horaires sur https://www.noumea.nc/piscine.');
    expect(outcome).toBe('Votre commentaire a été publié.');
    const comment = page.locator('passerelle-article .thread > li.comment').last();
    expect(await comment.locator('strong').textContent()).toBe('Marie');
    const link = comment.locator('.comment-body a');
    expect(await link.getAttribute('href')).toBe('https://www.noumea.nc/piscine');
    expect(await link.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(await page.locator('passerelle-article #comments-title').textContent()).toBe('Commentaires (1)');
    await page.reload();
    await expect
      .poll(() => page.locator('passerelle-article .thread > li.comment strong').allTextContents())
      .toEqual(['Marie']);
    await page.close();
  });

  it('tells that a comment awaits moderation under pre-moderation, and does not show it', async () => {
    const page = await openArticle('sud-emploi-1');
    // The note appears once the thread (which carries the partner's moderation mode) has loaded.
    await expect
      .poll(() => page.locator('passerelle-article .comment-form .note').textContent())
      .toBe('Les commentaires sont publiés après relecture par la modération.');
    await page.waitForTimeout(FORM_TOKEN_AGE_MS);
    expect(await postComment(page, 'Paul', 'Quelle est la date limite de candidature ?')).toBe(
      'Votre commentaire sera publié après relecture par la modération.',
    );
    expect(await page.locator('passerelle-article .thread > li.comment').count()).toBe(0);
    await page.close();
  });

  it('turns refusals into French: too fast, then a field left empty', async () => {
    const page = await openArticle('gouv-permis');
    expect(await postComment(page, 'Léa', 'Trop rapide pour être humain')).toBe(
      "Merci de patienter quelques secondes avant d'envoyer votre commentaire.",
    );
    await page.getByLabel('Commentaire', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    expect(await page.locator('passerelle-article .outcome').textContent()).toBe('Écrivez votre commentaire.');
    expect(await describeFocus(page)).toBe('textarea#body');
    await page.close();
  });

  it('posts a comment with the keyboard only, skipping the honeypot', async () => {
    const page = await openArticle('nord-festival');
    await page.waitForTimeout(FORM_TOKEN_AGE_MS);
    let focus = '';
    for (let i = 0; i < 30 && focus !== 'input#author'; i++) {
      await page.keyboard.press('Tab');
      focus = await describeFocus(page);
    }
    expect(focus).toBe('input#author');
    await page.keyboard.type('Kévin');
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('textarea#body');
    await page.keyboard.type('Super festival, bravo aux artisans.');
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('button[type=submit]');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('passerelle-article .outcome').textContent())
      .toBe('Votre commentaire a été publié.');
    expect(await page.locator('passerelle-article .thread > li.comment strong').allTextContents()).toEqual(['Kévin']);
    // The honeypot is neither reachable nor announced.
    const snapshot = await page.locator('passerelle-article').ariaSnapshot();
    expect(snapshot).not.toContain('Ne pas remplir');
    await page.close();
  });

  it('marks official replies with a text badge, replies, and flags a comment with a reason', async () => {
    const page = await openArticle('gouv-permis');
    await page.waitForTimeout(FORM_TOKEN_AGE_MS);
    expect(await postComment(page, 'Jean', 'Combien de temps pour obtenir le permis ?')).toBe(
      'Votre commentaire a été publié.',
    );
    const commentId = await page.locator('passerelle-article .thread > li.comment').last().getAttribute('data-id');
    const token = await makeToken('moderator', 'gouvernement');
    const official = await world.hub.request(`/api/v1/admin/comments/${commentId}/replies`, {
      method: 'POST',
      token,
      json: { body: "Comptez trois semaines après l'examen." },
    });
    expect(official.status).toBe(201);

    await page.reload();
    const reply = page.locator('passerelle-article .replies > li.comment.official');
    await expect
      .poll(() => reply.locator('.badge').textContent())
      .toBe('Réponse officielle — Gouvernement de la Nouvelle-Calédonie');
    expect(await reply.locator('.comment-body').textContent()).toBe("Comptez trois semaines après l'examen.");

    // Reply to Jean's comment.
    await page.waitForTimeout(FORM_TOKEN_AGE_MS);
    await page
      .locator('passerelle-article .thread > li.comment')
      .first()
      .getByRole('button', { name: 'Répondre' })
      .click();
    expect(await describeFocus(page)).toBe('textarea#body');
    expect(await page.locator('passerelle-article .reply-to').textContent()).toContain('Réponse à Jean');
    expect(await postComment(page, 'Anne', 'Merci pour la réponse.')).toBe('Votre commentaire a été publié.');
    expect(await page.locator('passerelle-article .replies > li.comment').count()).toBe(2);
    expect(await page.locator('passerelle-article .replies > li.comment').last().locator('strong').textContent()).toBe(
      'Anne',
    );

    // Flag Jean's comment.
    const jean = page.locator('passerelle-article .thread > li.comment').first();
    const flag = jean.getByRole('button', { name: 'Signaler' }).first();
    await flag.click();
    expect(await flag.getAttribute('aria-expanded')).toBe('true');
    const reasons = await jean
      .getByRole('group', { name: 'Pourquoi signaler ce commentaire\u202f?' })
      .first()
      .getByRole('radio')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent));
    expect(reasons).toEqual(['Spam ou publicité', 'Propos injurieux', 'Hors sujet', 'Données personnelles']);
    await jean.getByRole('radio', { name: 'Hors sujet' }).first().check();
    await jean.getByRole('button', { name: 'Envoyer le signalement' }).first().click();
    const note = jean.locator('.flag-panel .note').first();
    await expect.poll(() => note.textContent()).toBe('Merci, ce commentaire a été signalé à la modération.');
    await flag.click();
    await jean.getByRole('radio', { name: 'Spam ou publicité' }).first().check();
    await jean.getByRole('button', { name: 'Envoyer le signalement' }).first().click();
    await expect.poll(() => note.textContent()).toBe('Vous avez déjà signalé ce commentaire.');
    await page.close();
  });

  it('pages the thread 20 comments at a time, loads more replies, and shows deleted comments', async () => {
    const base = Date.UTC(2026, 10, 1);
    const comment = (id: string, i: number, extra: Record<string, unknown> = {}) => ({
      _id: id,
      itemId: 'montdore-dechets',
      partnerId: 'le-mont-dore',
      parentId: null,
      author: `Habitant ${i}`,
      body: `Avis numéro ${i}`,
      status: 'published',
      createdAt: new Date(base + i * 60_000),
      ...extra,
    });
    await CommentModel.insertMany([
      ...Array.from({ length: 25 }, (_, i) =>
        comment(
          `comment-${String(i).padStart(2, '0')}`,
          i,
          i === 0 ? { status: 'deleted', author: '', body: '', deletedAt: new Date(base) } : {},
        ),
      ),
      ...Array.from({ length: 30 }, (_, i) =>
        comment(`reply-00-${String(i).padStart(2, '0')}`, 100 + i, { parentId: 'comment-00', author: `Voisin ${i}` }),
      ),
    ]);
    const page = await openArticle('montdore-dechets');
    const top = page.locator('passerelle-article .thread > li.comment');
    await expect.poll(() => top.count()).toBe(20);
    // A deleted comment stays as a placeholder for its replies.
    expect(await top.first().locator(':scope > .deleted').textContent()).toBe('Commentaire supprimé');
    expect(await top.first().locator(':scope > .actions').count()).toBe(0);

    const more = page.getByRole('button', { name: 'Afficher plus de commentaires' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => top.count()).toBe(25);
    expect(await more.isHidden()).toBe(true);
    expect(
      await page.evaluate(() =>
        document.querySelector('passerelle-article')?.shadowRoot?.activeElement?.getAttribute('data-id'),
      ),
    ).toBe('comment-20');

    const replies = top.first().locator('.replies > li.comment');
    const shown = await replies.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    await top.first().getByRole('button', { name: 'Afficher plus de réponses' }).click();
    await expect.poll(() => replies.count()).toBe(Math.min(30, shown + 20));
    await page.close();
  });

  it('has no axe violation with a thread, light and dark, at 320 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openArticle('gouv-permis', { colorScheme, width: 320 });
      await expect.poll(() => page.locator('passerelle-article li.comment').count()).toBeGreaterThan(1);
      await page
        .locator('passerelle-article .thread > li.comment')
        .first()
        .getByRole('button', { name: 'Signaler' })
        .first()
        .click();
      expect(await runAxe(page, 'passerelle-article'), colorScheme).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.close();
    }
  });
});
