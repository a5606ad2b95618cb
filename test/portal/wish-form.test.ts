/**
 * « Proposer un contenu » on the portal without JavaScript, and the e-mail follow-up it
 * starts, over real HTTP, a real database and a real SMTP server (smtp-server): French
 * refusals (summary, kept values, honeypot, form-token timing), the `campagne` stored,
 * the double opt-in mail and its page, a step's mail with a one-click unsubscribe link and
 * List-Unsubscribe headers, the unsubscribe page erasing the address (no more mail), and
 * the erasure 90 days after the wish is closed (a chosen clock).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setInteractionClock } from '../../hub/interaction/index.js';
import { purgeVoiceData } from '../../hub/voice/index.js';
import { SubscriptionModel } from '../../hub/voice/follow-up/subscription-model.js';
import { WishModel } from '../../hub/voice/wishes/wish-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { changeStatus, moderate } from '../hub/voice/fixtures.js';
import { openFormSession, readFormToken, type FormSession } from './helpers/form-session.js';

let hub: TestHub;
let smtp: TestSmtp;
const DAY = 86_400_000;

beforeAll(async () => {
  smtp = await startTestSmtp();
  hub = await startTestHub({ seed: true, label: 'portalwishform', env: { SMTP_URL: smtp.url } });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await smtp?.close();
});
afterEach(() => setInteractionClock());

/** Opens the form, then sends it as a person would: 4 s later (the token's minimum age is 3 s). */
async function propose(citizen: FormSession, fields: Record<string, string>, query = '') {
  setInteractionClock();
  const form = await citizen.get(`/souhaits/proposer${query}`);
  expect(form.res.status).toBe(200);
  setInteractionClock(() => new Date(Date.now() + 4_000));
  const campaign = /name="campagne" value="([^"]*)"/.exec(form.html)?.[1];
  return citizen.post('/souhaits/proposer', {
    formToken: readFormToken(form.html),
    website: '',
    ...(campaign ? { campagne: campaign } : {}),
    ...fields,
  });
}

/** The path of a link of a mail (the mails name PUBLIC_URL, http://portal.test). */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`http://portal\\.test(${path}\\?jeton=[^\\s]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}

function header(mail: ReceivedMail, name: string): string | undefined {
  return mail.raw.headerLines.find((h) => h.key === name)?.line;
}

describe('« Proposer un contenu » without JavaScript', () => {
  it('shows the form with the privacy sentence, its token, the honeypot and valid HTML', async () => {
    const { res, html } = await openFormSession(hub).get('/souhaits/proposer?titre=Horaires%20du%20port');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('set-cookie')).toMatch(/passerelle_visiteur=.*httponly/i);
    expect(html).toContain('value="Horaires du port"');
    expect(html).toContain('elle n’est jamais publiée ni transmise');
    expect(html).toContain('name="website"');
    expect(html).toMatch(/<script src="\/assets\/souhaits\.[0-9a-f]{12}\.js" defer/);
    expect(await validateHtml(html)).toEqual([]);
  });

  it('refuses in French: empty fields, a bad address (values kept), too fast, the honeypot', async () => {
    const citizen = openFormSession(hub);
    const empty = await propose(citizen, { titre: '', description: '' });
    expect(empty.res.status).toBe(400);
    expect(empty.html).toMatch(/<title>Erreur\u00a0: Proposer un contenu/);
    expect(empty.html).toContain('Dites en une ligne ce qui manque.');
    expect(empty.html).toContain('Décrivez votre besoin.');
    expect(await validateHtml(empty.html)).toEqual([]);

    const badEmail = await propose(citizen, {
      titre: 'Plan des pistes cyclables',
      description: 'Je cherche le plan des pistes cyclables de Nouméa.',
      email: 'pas-une-adresse',
    });
    expect(badEmail.res.status).toBe(400);
    expect(badEmail.html).toContain('L’adresse e-mail n’est pas valide');
    expect(badEmail.html).toContain('value="Plan des pistes cyclables"');
    expect(badEmail.html).toContain('href="#email"');

    setInteractionClock();
    const form = await citizen.get('/souhaits/proposer');
    const tooFast = await citizen.post('/souhaits/proposer', {
      formToken: readFormToken(form.html),
      titre: 'Plan des pistes cyclables',
      description: 'Je cherche le plan des pistes cyclables de Nouméa.',
    });
    expect(tooFast.res.status).toBe(400);
    expect(tooFast.html).toContain('Le formulaire a été renouvelé');

    const bot = await propose(citizen, {
      titre: 'Achetez nos montres',
      description: 'Des montres à prix cassés, cliquez ici.',
      website: 'https://spam.example',
    });
    expect(bot.res.status).toBe(400);
    expect(await WishModel.countDocuments({})).toBe(0);
  });
});

describe('follow-up by e-mail, through a real SMTP server', () => {
  it('double opt-in, step mails with one-click unsubscribe, erasure, then no more mail', async () => {
    const citizen = openFormSession(hub);
    const sent = await propose(
      citizen,
      {
        titre: 'Horaires de la fourrière',
        description: 'Ma voiture a été enlevée : où et quand la récupérer ?',
        public: 'particuliers',
        commune: '98818',
        email: 'Citoyenne@Example.nc',
      },
      '?campagne=facebook-2026-11',
    );
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe('/souhaits/proposer?merci=1&suivi=1');
    const thanks = await citizen.get('/souhaits/proposer?merci=1&suivi=1');
    expect(thanks.html).toContain('Il sera publié après relecture');
    expect(thanks.html).toContain('Confirmez votre adresse e-mail.');
    expect(await validateHtml(thanks.html)).toEqual([]);
    const wish = await WishModel.findOne({ title: 'Horaires de la fourrière' }).lean();
    expect(wish).toMatchObject({ campaign: 'facebook-2026-11', commune: '98818', audience: 'particuliers' });
    const id = wish!._id;

    // 1. The confirmation mail; opening its page changes nothing, its button confirms.
    const [confirmation] = await smtp.waitFor(1);
    expect(confirmation!.to).toEqual(['citoyenne@example.nc']);
    expect(confirmation!.subject).toContain('Confirmez le suivi');
    const confirmPath = linkIn(confirmation!, '/souhaits/suivi/confirmer');
    const page = await citizen.get(confirmPath);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Confirmer mon adresse');
    expect(await validateHtml(page.html)).toEqual([]);
    expect(await SubscriptionModel.findOne({ wishId: id }).lean()).toMatchObject({ status: 'pending' });
    const token = /name="jeton" value="([^"]+)"/.exec(page.html)![1]!;
    const confirmed = await citizen.post('/souhaits/suivi/confirmer', { jeton: token });
    expect(confirmed.res.status).toBe(200);
    expect(confirmed.html).toContain('Votre adresse est confirmée.');
    expect(confirmed.html).toContain(`href="/souhaits/${id}"`);
    expect(await SubscriptionModel.findOne({ wishId: id }).lean()).toMatchObject({ status: 'confirmed' });

    // 2. Approved, then a step: a mail with the unsubscribe link and List-Unsubscribe.
    expect((await moderate(hub, id, 'approve')).status).toBe(200);
    expect((await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['noumea'] })).status).toBe(200);
    const [, step] = await smtp.waitFor(2);
    expect(step!.subject).toMatch(/Horaires de la fourrière.*à l’étude/);
    expect(header(step!, 'list-unsubscribe')).toMatch(
      /<http:\/\/portal\.test\/api\/v1\/wishes\/follow-up\/unsubscribe\?token=/,
    );
    expect(header(step!, 'list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');
    const stopPath = linkIn(step!, '/souhaits/suivi/arreter');

    // 3. The unsubscribe page erases the address; no more mail after the next step.
    const stopPage = await citizen.get(stopPath);
    expect(stopPage.html).toContain('Arrêter le suivi et effacer mon adresse');
    const stopToken = /name="jeton" value="([^"]+)"/.exec(stopPage.html)![1]!;
    const stopped = await citizen.post('/souhaits/suivi/arreter', { jeton: stopToken });
    expect(stopped.html).toContain('Votre adresse est effacée.');
    expect(await SubscriptionModel.countDocuments({ wishId: id })).toBe(0);
    expect(await SubscriptionModel.countDocuments({ email: 'citoyenne@example.nc' })).toBe(0);
    const before = smtp.messages.length;
    expect((await changeStatus(hub, id, { status: 'accepte', answer: 'Une page arrive.' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.messages.length).toBe(before);
    // The confirmation link of an erased address is a French 404.
    expect((await citizen.post('/souhaits/suivi/confirmer', { jeton: token })).res.status).toBe(404);
  }, 60_000);

  it('erases a confirmed address 90 days after the wish is closed (a chosen clock)', async () => {
    const citizen = openFormSession(hub);
    const sent = await propose(citizen, {
      titre: 'Calendrier des marchés',
      description: 'Les jours et lieux des marchés de la commune.',
      email: 'marche@example.nc',
    });
    expect(sent.res.status).toBe(303);
    const id = (await WishModel.findOne({ title: 'Calendrier des marchés' }).lean())!._id;
    await SubscriptionModel.updateOne({ wishId: id }, { $set: { status: 'confirmed' } });
    expect((await moderate(hub, id, 'approve')).status).toBe(200);
    const refused = await hub.request(`/api/v1/admin/wishes/${id}/status`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { status: 'refuse', answer: 'Chaque commune publie déjà son calendrier.' },
    });
    expect(refused.status).toBe(200);
    expect((await purgeVoiceData(new Date(Date.now() + 89 * DAY))).followUps).toBe(0);
    expect(await SubscriptionModel.countDocuments({ wishId: id })).toBe(1);
    expect((await purgeVoiceData(new Date(Date.now() + 91 * DAY))).followUps).toBe(1);
    expect(await SubscriptionModel.countDocuments({ email: 'marche@example.nc' })).toBe(0);
  });
});
