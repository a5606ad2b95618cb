/**
 * The console's screens over real HTTP, as an agent of Koumac uses them: a feed source
 * created from the commune's site address (discovery, preview, save), its first run, its
 * failure shown first in « À traiter » and mailed to the test SMTP server; moderation with
 * a reason, in the log; the partner's form and snippet; accounts; roles and CSRF refused.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { startPartnerSite, type PartnerSite } from '../helpers/console-site.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { createItem, newVisitor, postCommentOk } from '../hub/interaction/fixtures.js';

let hub: TestHub;
let smtp: TestSmtp;
let site: PartnerSite;
let siteUrl: string;
let ana: ConsoleClient;

/** A form post carrying an Origin header and the session's own token; resolves to the status. */
function postFromOrigin(path: string, client: ConsoleClient, origin: string): Promise<number> {
  const body = new URLSearchParams({ _csrf: client.csrf ?? '' }).toString();
  return new Promise((resolve, reject) => {
    const req = request(`${hub.url}${path}`, {
      method: 'POST',
      headers: {
        origin,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const idOf = (location: string | null) => /\/console\/sources\/([^/?]+)/.exec(location ?? '')![1]!;

describe('console screens', () => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    site = await startPartnerSite();
    siteUrl = site.url;
    hub = await startTestHub({
      seed: true,
      label: 'consolescreens',
      env: { SMTP_URL: smtp.url, LOG_LEVEL: 'error' },
      logTo: { write: (l) => process.stderr.write(l) },
    });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@noumea.nc', name: 'Paul Nouméa', role: 'partner-admin', partnerId: 'noumea' });
    await createTestAgent({ email: 'modo@koumac.nc', name: 'Marie Modo', role: 'moderator', partnerId: 'koumac' });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    ana = await signInAs(hub, 'ana@koumac.nc');
  });
  afterAll(async () => {
    await hub?.stop();
    await smtp?.close();
    await site?.close();
  });

  let sourceId = '';

  it('creates a feed source from the site address: discovery, preview, save, first run', async () => {
    await ana.html('/console/sources/nouvelle');
    const found = await ana.post('/console/sources/nouvelle', {
      kind: 'feed',
      site: `${siteUrl}/`,
      action: 'decouvrir',
    });
    const foundHtml = await found.text();
    expect(found.status).toBe(200);
    expect(foundHtml).toContain(`${siteUrl}/actus.xml`);
    expect(foundHtml).toContain('Actualités de Koumac');
    const feed = `${siteUrl}/actus.xml`;
    const preview = await ana.post('/console/sources/nouvelle', {
      kind: 'feed',
      url: feed,
      name: 'Actus',
      action: 'apercu',
    });
    const previewHtml = await preview.text();
    expect(preview.status).toBe(200);
    expect(previewHtml).toMatch(/3 entrées lues, 0 rejetées/);
    await validateHtml(previewHtml);
    const saved = await ana.post('/console/sources/nouvelle', {
      kind: 'feed',
      url: feed,
      name: 'Actus',
      action: 'enregistrer',
    });
    expect(saved.status).toBe(303);
    sourceId = idOf(saved.headers.get('location'));
    await ana.html(`/console/sources/${sourceId}`);
    const ran = await ana.post(`/console/sources/${sourceId}/collecter`);
    expect(ran.status).toBe(303);
    const page = await ana.html(`/console/sources/${sourceId}`);
    expect(page.html).toMatch(/Collecte terminée\s:\s3 nouveaux contenus/);
    expect(page.html).toContain('Réussie');
    await validateHtml(page.html);
  });

  it('refuses a source form with the fields at fault, nothing saved', async () => {
    await ana.html('/console/sources/nouvelle');
    const res = await ana.post('/console/sources/nouvelle', {
      kind: 'feed',
      url: 'pas une adresse',
      action: 'enregistrer',
    });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toMatch(/<title>Erreur\s:\sAjouter une source/);
    expect(html).toContain('href="#url"');
    expect(html).toContain('value="pas une adresse"');
  });

  it('shows a failing source first in « À traiter » with its French reason, and mails the agents', async () => {
    site.setFailing(true);
    for (let i = 0; i < 3; i += 1) {
      await ana.html(`/console/sources/${sourceId}`);
      expect((await ana.post(`/console/sources/${sourceId}/collecter`)).status).toBe(303);
    }
    const home = await ana.html('/console');
    expect(home.html).toContain('Sources en échec');
    expect(home.html).toContain(`/console/sources/${sourceId}`);
    expect(home.html).toMatch(/HTTP 500|500/);
    await validateHtml(home.html);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toContain('ana@koumac.nc');
    expect(mail!.subject).toMatch(/Actus|source/i);
    const listed = await ana.html('/console/notifications');
    expect(listed.html).toMatch(/Source en échec\s:\sActus/);
    expect(listed.html).toContain('HTTP 500');
    site.setFailing(false);
  });

  it('moderates a comment with a reason and shows it in the log', async () => {
    await ana.html('/console/partenaires/koumac');
    const form = await ana.post('/console/partenaires/koumac', {
      website: 'https://www.koumac.nc',
      allowedOrigins: 'https://www.koumac.nc',
      moderation: 'pre',
      contactEmail: 'mairie@koumac.nc',
    });
    expect(form.status).toBe(303);
    const item = await createItem('koumac');
    const posted = await postCommentOk(hub, item, newVisitor(), {
      author: 'Jean',
      body: 'Le marché est-il maintenu samedi ?',
    });
    const queue = await ana.html('/console/moderation');
    expect(queue.html).toContain('Le marché est-il maintenu samedi');
    expect(queue.html).toMatch(/partenaire modère tous les commentaires avant publication/i);
    await validateHtml(queue.html);
    const res = await ana.post('/console/moderation/lot', {
      ids: posted.comment.id,
      action: 'reject',
      reason: 'Hors sujet ici',
    });
    expect(res.status).toBe(303);
    const log = await ana.html('/console/moderation/journal');
    expect(log.html).toContain('Hors sujet ici');
    expect(log.html).toContain('Refusé');
    const journal = await ana.html('/console/journal');
    expect(journal.html).toContain('Commentaire modéré');
    expect(journal.html).toContain('Partenaire modifié');
  });

  it('shows the widget snippet with a copy button the script reveals', async () => {
    const page = await ana.html('/console/partenaires/koumac');
    expect(page.html).toContain('passerelle-news partner=&quot;koumac&quot;');
    expect(page.html).toContain('data-copy="extrait"');
    await validateHtml(page.html);
  });

  it('invites an agent: the single-use link is shown once and mailed', async () => {
    await ana.html('/console/comptes');
    const before = smtp.messages.length;
    const res = await ana.post('/console/comptes', { name: 'Jo Rédacteur', email: 'jo@koumac.nc', role: 'editor' });
    expect(res.status).toBe(303);
    const page = await ana.html('/console/comptes');
    const link = /\/console\/mot-de-passe\/[\w-]+/.exec(page.html)![0];
    expect(page.html).toContain('jo@koumac.nc');
    await validateHtml(page.html);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual(['jo@koumac.nc']);
    expect(mail!.text).toContain(link);
    // Not shown twice.
    expect((await ana.html('/console/comptes')).html).not.toContain(link);
  });

  it('renders every screen of a platform admin as valid HTML', async () => {
    const lea = await signInAs(hub, 'lea@gouv.nc');
    for (const path of [
      '/console',
      '/console/sources',
      `/console/sources/${sourceId}`,
      `/console/sources/${sourceId}/modifier`,
      '/console/moderation',
      '/console/partenaires',
      '/console/comptes',
      '/console/journal',
      '/console/notifications',
      '/console/recherche/synonymes',
      '/console/compte',
    ]) {
      const page = await lea.html(path);
      expect(page.status, path).toBe(200);
      await validateHtml(page.html);
    }
  });

  it('keeps every agent to their partner and their role', async () => {
    const paul = await signInAs(hub, 'paul@noumea.nc');
    expect((await paul.get(`/console/sources/${sourceId}`)).status).toBe(403);
    expect((await paul.get('/console/partenaires/koumac')).status).toBe(403);
    expect((await paul.get('/console/sources?partenaire=koumac')).status).toBe(403);
    await paul.html('/console');
    expect((await paul.post(`/console/sources/${sourceId}/collecter`)).status).toBe(403);
    expect((await paul.get('/console/recherche/synonymes')).status).toBe(403);
    expect((await paul.html('/console/sources')).html).not.toContain(sourceId);
    const modo = await signInAs(hub, 'modo@koumac.nc');
    expect((await modo.get('/console/sources')).status).toBe(403);
    expect((await modo.get('/console/comptes')).status).toBe(403);
    expect((await modo.get('/console/moderation')).status).toBe(200);
    // As the admin API (harden-b): moderators see comments only, not the partner's record or widget code.
    expect((await modo.get('/console/partenaires/koumac')).status).toBe(403);
    const nav = (await modo.html('/console')).html;
    expect(nav).not.toContain('href="/console/partenaires');
    expect(nav).not.toContain('href="/console/sources"');
  });

  it('refuses a form without its CSRF token or from another origin', async () => {
    await ana.html(`/console/sources/${sourceId}`);
    const none = await ana.post(`/console/sources/${sourceId}/desactiver`, {}, { csrf: null });
    expect(none.status).toBe(403);
    expect(await none.text()).toContain('Formulaire refusé');
    // fetch() will not send a forged Origin: a raw request does, as a browser would from another site.
    expect(await postFromOrigin(`/console/sources/${sourceId}/desactiver`, ana, 'https://evil.example')).toBe(403);
    const anonymous = consoleClient(hub);
    expect((await anonymous.post(`/console/sources/${sourceId}/desactiver`, {}, { csrf: 'x'.repeat(32) })).status).toBe(
      403,
    );
    expect((await ana.html(`/console/sources/${sourceId}`)).html).toContain('Désactiver');
  });
});
