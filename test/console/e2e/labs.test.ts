/**
 * An open lab in Chromium, through the console's own forms: an editor of Koumac opens a
 * lab with Nouméa and writes it, an editor of Nouméa sees who else has it open, edits and
 * comments a section; both approve, a new revision voids the approvals (said on screen),
 * both approve again, Koumac publishes. The diff is reached and read by keyboard alone,
 * its changes said in words. An outside reviewer opens the invitation link in a browser
 * of their own, comments, and has no approval to give. axe-core on every screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../helpers/axe.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { saveScreenshot } from '../../helpers/screenshots.js';

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];
let ana: Page;
let paul: Page;
let lab = '';
let link = '';
const errors: string[] = [];

const FIRST = '## Qui peut inscrire\n\nLes parents.\n\n## Les pièces\n\nLe livret de famille.\n';

/** A browser signed in as `email`, at 1280 px. */
async function agentPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const client = await signInAs(hub, email);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: hub.url })));
  return { context, page: await context.newPage() };
}

/** No axe violation on the page as it is. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  expect(await runAxe(page), `${label}: ${page.url()}`).toEqual([]);
}

async function click(page: Page, role: 'button' | 'link', name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole(role, { name }).click()]);
}

async function saveRevision(page: Page, body: string, note: string, check = false): Promise<string> {
  await click(page, 'link', 'Modifier le document');
  if (check) await expectAccessible(page, 'editor');
  await page.getByLabel('Document', { exact: true }).fill(body);
  await page.getByLabel('Note de modification').fill(note);
  await click(page, 'button', 'Enregistrer la révision');
  return (await page.locator('.pl-notice').first().textContent()) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)('an open lab in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolelabse2e', env: { LOG_LEVEL: 'error' } });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'editor', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@noumea.nc', name: 'Paul Wamytan', role: 'editor', partnerId: 'noumea' });
    browser = await launchBrowser();
    ana = (await agentPage('ana@koumac.nc')).page;
    paul = (await agentPage('paul@noumea.nc')).page;
    for (const p of [ana, paul]) p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await hub?.stop();
  });

  it('opens a lab, writes it; the other partner sees who has it open, refreshed every 30 s', async () => {
    // Koumac opens the lab with Nouméa and writes the first revision.
    await ana.goto(`${hub.url}/console/ateliers/nouveau`);
    await expectAccessible(ana, 'new lab');
    await ana.getByLabel('Titre').fill('Inscrire son enfant à l’école');
    await ana.locator('#p-noumea').check();
    await click(ana, 'button', 'Ouvrir l’atelier');
    lab = ana.url();
    expect(new URL(lab).pathname).toMatch(/^\/console\/ateliers\/[^/]+$/);
    await expectAccessible(ana, 'lab');
    expect(await saveRevision(ana, FIRST, 'Premier jet', true)).toContain('Révision 1 enregistrée');

    // Nouméa opens it: Ana's page told the server a moment ago, so the page says so at render.
    await paul.clock.install();
    await paul.goto(lab);
    await expect(paul.locator('#presence').textContent()).resolves.toMatch(/Aussi ouvert par\s:\sAna Wahio\s\(/);
    await saveScreenshot(paul, 'lab-presence-1280');
    await paul.setViewportSize({ width: 320, height: 720 });
    await saveScreenshot(paul, 'lab-presence-320');
    await expectAccessible(paul, 'lab at 320 px');
    await paul.setViewportSize({ width: 1280, height: 900 });
    // The script pings every 30 s and shows the answer (Ana has not pinged since: still there).
    const ping = paul.waitForResponse((r) => r.url().endsWith('/presence') && r.request().method() === 'POST');
    await paul.clock.runFor(30_000);
    const answer = (await (await ping).json()) as { text: string };
    expect(answer.text).toMatch(/^Aussi ouvert par\s:\sAna Wahio/);
    await expect(paul.locator('#presence').textContent()).resolves.toBe(answer.text);
  }, 60_000);

  it('edits, comments, approves; a new revision voids the approvals; publishes', async () => {
    expect(
      await saveRevision(paul, FIRST.replace('Les parents.', 'Les parents ou le tuteur légal.'), 'Le tuteur'),
    ).toContain('Révision 2 enregistrée');
    // A comment on a section.
    await paul.getByText('Commenter « Les pièces »').click();
    await paul.locator('#commenter-les-pieces').fill('Faut-il aussi un justificatif de domicile ?');
    await click(paul, 'button', 'Commenter');
    await expect(paul.locator('#section-les-pieces').textContent()).resolves.toContain('justificatif de domicile');

    // Both approve revision 2; the lead asks for review first.
    await ana.goto(lab);
    await click(ana, 'button', 'Demander la relecture aux partenaires');
    await click(ana, 'button', /^Approuver la révision 2/);
    await paul.goto(lab);
    await click(paul, 'button', /^Approuver la révision 2/);
    await expect(paul.locator('#approbations').textContent()).resolves.not.toContain('En attente');
    await expectAccessible(paul, 'lab approved');

    // A new revision voids both approvals, and says so.
    const voided = await saveRevision(paul, `${FIRST}\n## Qui peut aider\n\nLa mairie.\n`, 'Qui peut aider');
    expect(voided).toMatch(/Révision 3 enregistrée\. Elle annule l’approbation de .+ et .+/);
    await expect(paul.locator('#approbations').textContent()).resolves.not.toContain('Approuvé');
    await click(paul, 'button', /^Approuver la révision 3/);
    await ana.goto(lab);
    await click(ana, 'button', /^Approuver la révision 3/);
    await click(ana, 'button', 'Publier la révision 3');
    await expect(ana.locator('.pl-notice').first().textContent()).resolves.toContain('Révision 3 publiée');
    await expectAccessible(ana, 'lab published');
  }, 60_000);

  it('reaches the diff and reads it by keyboard alone, its changes said in words', async () => {
    // The diff, by keyboard alone: Tab to the link, Enter, Tab to the diff; its changes in words.
    await ana.locator('body').focus();
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await ana.keyboard.press('Tab');
      found = await ana.evaluate(() => document.activeElement?.textContent?.trim() === 'Voir les différences');
    }
    expect(found).toBe(true);
    await Promise.all([ana.waitForEvent('load'), ana.keyboard.press('Enter')]);
    expect(ana.url()).toMatch(/\/differences\?/);
    found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await ana.keyboard.press('Tab');
      found = await ana.evaluate(() => document.activeElement?.classList.contains('pl-diff__text') ?? false);
    }
    expect(found).toBe(true);
    const tree = await ana.locator('.pl-diff__text').ariaSnapshot();
    expect(tree).toContain('Différences entre les révisions 2 et 3');
    expect(tree).toMatch(/\[ajouté : (## )?Qui peut aider/);
    await expectAccessible(ana, 'diff');
  }, 60_000);

  it('invites an outside reviewer, who reads and comments without an account, never approves', async () => {
    // Invite an outside reviewer; the link is shown once.
    await ana.goto(lab);
    await ana.getByLabel('Nom du relecteur').fill('Marie Expert');
    await click(ana, 'button', 'Inviter par un lien');
    link = ((await ana.locator('#secret').textContent()) ?? '').trim();
    expect(link).toMatch(/\/console\/relecture\/plr_/);

    // The reviewer, in a browser of their own: read, comment, no approval.
    const outside = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(outside);
    const reviewer = await outside.newPage();
    const response = await reviewer.goto(hub.url + new URL(link).pathname);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-robots-tag']).toBe('noindex');
    expect(headers['cache-control']).toBe('no-store');
    await expectAccessible(reviewer, 'reviewer');
    await expect(reviewer.locator('main').textContent()).resolves.toContain('justificatif de domicile');
    await reviewer.getByText('Commenter « Qui peut aider »').click();
    await reviewer.locator('#commenter-qui-peut-aider').fill('Précisez : la mairie de la commune de résidence.');
    await click(reviewer, 'button', 'Commenter');
    expect(new URL(reviewer.url()).searchParams.get('commentaire')).toBe('publie');
    await expect(reviewer.locator('#section-qui-peut-aider').textContent()).resolves.toContain(
      'Marie Expert (relecteur extérieur)',
    );
    await expect(reviewer.getByRole('button', { name: /Approuver|Publier|Modifier/ }).count()).resolves.toBe(0);
    await expect(reviewer.getByRole('link', { name: /Modifier/ }).count()).resolves.toBe(0);
    await expectAccessible(reviewer, 'reviewer after comment');
    await saveScreenshot(reviewer, 'reviewer-1280');
    await reviewer.setViewportSize({ width: 320, height: 720 });
    await expectAccessible(reviewer, 'reviewer at 320 px');
    await saveScreenshot(reviewer, 'reviewer-320');
    // The lab's agents see the reviewer's comment.
    await ana.goto(lab);
    await expect(ana.locator('#section-qui-peut-aider').textContent()).resolves.toContain('Marie Expert');

    // An unknown link is a French 404; a revoked one a 410.
    const unknown = await reviewer.goto(`${hub.url}/console/relecture/plr_0000000000000000_${'x'.repeat(32)}`);
    expect(unknown?.status()).toBe(404);
    await expect(reviewer.locator('h1').textContent()).resolves.toContain('Lien de relecture inconnu');
    await expectAccessible(reviewer, 'unknown link');
    await click(ana, 'button', /Révoquer/);
    const revoked = await reviewer.goto(hub.url + new URL(link).pathname);
    expect(revoked?.status()).toBe(410);
    await expect(reviewer.locator('h1').textContent()).resolves.toContain('expiré');
    await saveScreenshot(reviewer, 'reviewer-gone-320');

    expect(errors).toEqual([]);
  }, 60_000);
});
