/**
 * An agent of Koumac's day in Debian's Chromium, through the console's own forms: sign in;
 * a source from the commune's site address (discovery, preview, save) and its first run;
 * the feed fails and shows first in « À traiter » with its French reason, and the mail
 * reaches the test SMTP server; a comment refused with a reason, seen in the moderation
 * log; the widget snippet copied; sign out; wrong passwords throttled. Then the keyboard
 * only path through moderation (Tab, Enter, Space), focus visible, the result announced.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { SignInFailureModel } from '../../../hub/accounts/sign-in-model.js';
import { createTestAgent, PASSWORD, signInAs } from '../../helpers/console.js';
import { startPartnerSite, type PartnerSite } from '../../helpers/console-site.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';
import { createItem, newVisitor, postCommentOk } from '../../hub/interaction/fixtures.js';

let hub: TestHub;
let smtp: TestSmtp;
let site: PartnerSite;
let browser: Browser;

/** Signs in through the form of the page the browser is on. */
async function signInWithForm(page: Page, password: string): Promise<void> {
  await page.locator('#email').fill('ana@koumac.nc');
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForLoadState();
}

async function postComment(author: string, body: string): Promise<void> {
  await postCommentOk(hub, await createItem('koumac'), newVisitor(), { author, body });
}

describe.skipIf(!HAS_CHROMIUM)('an agent’s journey in Chromium', () => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    site = await startPartnerSite();
    hub = await startTestHub({ seed: true, label: 'consolejourney', env: { SMTP_URL: smtp.url } });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    // The keyboard path's moderator: Ana's account is throttled at the end of the journey.
    await createTestAgent({ email: 'rose@koumac.nc', name: 'Rose Poindi', role: 'moderator', partnerId: 'koumac' });
    // Koumac moderates before publication: comments wait in the queue.
    const ana = await signInAs(hub, 'ana@koumac.nc');
    await ana.html('/console/partenaires/koumac');
    await ana.post('/console/partenaires/koumac', { moderation: 'pre', allowedOrigins: '', contactEmail: '' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await smtp?.close();
    await site?.close();
  });

  it('signs in, runs a source, sees it fail, moderates, copies the snippet, signs out; wrong passwords are throttled', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    // Sign in: the console sends a visitor to the form, and back.
    await page.goto(`${hub.url}/console/sources`);
    expect(new URL(page.url()).pathname).toBe('/console/connexion');
    await signInWithForm(page, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console/sources');

    // A source from the site's address: discovery fills the feed, preview, save, first run.
    await page.getByRole('link', { name: 'Ajouter une source' }).click();
    await page.locator('#site').fill(`${site.url}/`);
    await page.getByRole('button', { name: 'Chercher les flux' }).click();
    await expect.poll(() => page.locator('#url').inputValue()).toBe(site.feedUrl);
    await expect(page.getByRole('list', { name: 'Flux trouvés' }).textContent()).resolves.toContain(
      'Actualités de Koumac',
    );
    await page.locator('#name').fill('Actus de Koumac');
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    expect(await page.locator('#apercu').textContent()).toMatch(/3 entrées lues, 0 rejetées/);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/sources\/[^/]+$/);
    const sourcePath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Collecter maintenant' }).click();
    expect(await page.locator('main').textContent()).toMatch(/Collecte terminée\s:\s3 nouveaux contenus/);

    // The feed breaks: three runs, then first in « À traiter » with a French reason, and a mail.
    site.setFailing(true);
    for (let i = 0; i < 3; i += 1) {
      await page.goto(hub.url + sourcePath);
      await page.getByRole('button', { name: 'Collecter maintenant' }).click();
    }
    await page.getByRole('link', { name: /^À traiter/ }).click();
    const firstSection = page.locator('main section').first();
    expect(await firstSection.textContent()).toMatch(/Sources en échec[\s\S]*Actus de Koumac[\s\S]*HTTP 500/);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toContain('ana@koumac.nc');
    expect(mail!.text).toContain('Actus de Koumac');

    // A comment refused with a reason, in the moderation log.
    await postComment('Jean', 'Achetez des montres pas chères sur mon site');
    await page.getByRole('link', { name: /^Modération/ }).click();
    await page
      .getByRole('link', { name: /Traiter ce commentaire seul/ })
      .first()
      .click();
    await page.locator('#decision-reason').fill('Publicité');
    await page.getByRole('button', { name: 'Refuser' }).click();
    expect(await page.locator('main').textContent()).toContain('Commentaire refusé.');
    // The moderation's own journal (the navigation's « Journal » is the platform's audit log).
    await page.locator('main a[href="/console/moderation/journal"]').first().click();
    const log = await page.locator('#journal').textContent();
    expect(log).toContain('Refusé');
    expect(log).toContain('Publicité');
    expect(log).toContain('Ana Wahio');

    // The widget snippet, copied with the button; the copy is announced.
    await page.getByRole('link', { name: 'Partenaire', exact: true }).click();
    await page.locator('button[data-copy="extrait"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('<passerelle-news');
    await expect.poll(() => page.locator('#pl-live').textContent()).toBe('Code copié dans le presse-papiers');

    // Sign out: the console is closed again.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.goto(`${hub.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/connexion');

    // Five wrong passwords through the form, each refused with the same message. The delay
    // that follows (1 s) is shorter than a loaded machine's next browser submit, so the lock
    // is reached for sure by five more failures recorded as if guessed from elsewhere: the
    // right password is then refused through the form too (the delays themselves are timed
    // in test/hub/accounts/throttle.test.ts).
    for (let i = 0; i < 5; i += 1) {
      await signInWithForm(page, `pas le bon mot de passe ${i}`);
      expect(await page.locator('.pl-error-summary').textContent()).toContain('Connexion refusée');
    }
    expect(await SignInFailureModel.countDocuments({ k: 'account:ana@koumac.nc' })).toBe(5);
    const now = Date.now();
    await SignInFailureModel.insertMany(
      [1, 2, 3, 4, 5].map((i) => ({ _id: `elsewhere-${i}`, k: 'account:ana@koumac.nc', at: new Date(now - i) })),
    );
    await signInWithForm(page, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console/connexion');
    expect(await page.locator('.pl-error-summary').textContent()).toMatch(/momentanément bloqué/);

    // Chromium logs the 400 answers of refused sign-ins; nothing else (no CSP refusal).
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  }, 240_000);

  it('moderates with the keyboard only: Tab, Enter and Space, focus visible, the result announced', async () => {
    await postComment('Rose', 'Où se gare-t-on pour la fête du cerf ?');
    const rose = await signInAs(hub, 'rose@koumac.nc');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([...rose.cookies].map(([name, value]) => ({ name, value, url: hub.url })));
    const page = await context.newPage();
    await page.goto(`${hub.url}/console`);

    /** Presses Tab until the focused element matches `selector`; every focus on the way must be visible. */
    async function tabTo(selector: string, max = 60): Promise<void> {
      for (let i = 0; i < max; i += 1) {
        await page.keyboard.press('Tab');
        const { found, visible } = await page.evaluate((wanted) => {
          const el = document.activeElement;
          if (!el || el === document.body) return { found: false, visible: true };
          const style = getComputedStyle(el);
          return {
            found: el.matches(wanted),
            visible: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
          };
        }, selector);
        expect(visible, `focus visible at Tab ${i + 1} on the way to ${selector}`).toBe(true);
        if (found) return;
      }
      throw new Error(`never reached by Tab: ${selector}`);
    }

    await tabTo('nav a[href="/console/moderation"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/moderation$/);
    await tabTo('main a[href^="/console/moderation/"]:not([href="/console/moderation/journal"])');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/moderation\/[^/]+$/);
    expect(await page.locator('blockquote').textContent()).toContain('Où se gare-t-on');
    await tabTo('#decision-reason');
    await page.keyboard.type('Question utile');
    await tabTo('button[value="approve"]');
    await page.keyboard.press('Space');
    await page.waitForURL(/\/console\/moderation$/);
    // The message is a status region (announced), and it says what was done.
    const notice = page.locator('main [role="status"]');
    expect(await notice.textContent()).toContain('Commentaire approuvé.');
    // (Ana is locked out by the first journey; Rose reads the log.)
    const log = await rose.html('/console/moderation/journal');
    expect(log.html).toContain('Question utile');
    await context.close();
  }, 180_000);
});
