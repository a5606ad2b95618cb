/**
 * Souhaits in the console over real HTTP (forms with their CSRF token): the platform's
 * moderation queue, assigning partners, steps refused with the API's French words, the
 * answering item linked, a partner answering only its own wishes, a wish entered on a
 * citizen's behalf, and the « À traiter » rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { createItem, newVisitor, postWish, publishedWish, readWish } from '../hub/voice/fixtures.js';

let hub: TestHub;
let lea: ConsoleClient; // platform admin
let noe: ConsoleClient; // Nouméa's editor
let sud: ConsoleClient; // the Province Sud's admin
let mod: ConsoleClient; // Nouméa's moderator

beforeAll(async () => {
  hub = await startTestHub({
    seed: true,
    label: 'consolewishes',
    ...(process.env.DEBUG_LOG ? { env: { LOG_LEVEL: 'error' }, logTo: process.stderr } : {}),
  });
  await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
  await createTestAgent({ email: 'noe@noumea.nc', name: 'Noé Rédacteur', role: 'editor', partnerId: 'noumea' });
  await createTestAgent({
    email: 'sud@province-sud.nc',
    name: 'Ana Sud',
    role: 'partner-admin',
    partnerId: 'province-sud',
  });
  await createTestAgent({ email: 'mod@noumea.nc', name: 'Max Modérateur', role: 'moderator', partnerId: 'noumea' });
  [lea, noe, sud, mod] = await Promise.all([
    signInAs(hub, 'lea@gouv.nc'),
    signInAs(hub, 'noe@noumea.nc'),
    signInAs(hub, 'sud@province-sud.nc'),
    signInAs(hub, 'mod@noumea.nc'),
  ]);
});
afterAll(() => hub?.stop());

/** html-validate's findings, less the kit Table's scrollable region (a div role=region by design). */
async function htmlProblems(html: string) {
  return (await validateHtml(html)).filter((p) => p.rule !== 'prefer-native-element');
}

async function pendingWish(title: string): Promise<string> {
  const res = await postWish(hub, newVisitor(), { title });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function adminWish(id: string): Promise<Record<string, unknown>> {
  const res = await hub.request(`/api/v1/admin/wishes/${id}`, { token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Posts a step from the wish's page (its CSRF token read first). */
async function step(client: ConsoleClient, id: string, fields: Record<string, string | string[]>) {
  await client.html(`/console/souhaits/${id}`);
  return client.post(`/console/souhaits/${id}/etape`, fields);
}

describe('the moderation queue', () => {
  it('lists pending wishes to the platform and approves, rejects or hides them with a reason', async () => {
    const a = await pendingWish('Carte des bornes de recharge');
    const b = await pendingWish('Publicité pour mon commerce');
    const page = await lea.html('/console/souhaits');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Carte des bornes de recharge');
    expect(page.html).toMatch(/souhaits? à modérer/);
    expect(await htmlProblems(page.html)).toEqual([]);
    // Without the form's token: refused, nothing changes.
    expect((await lea.post(`/console/souhaits/${a}/moderation`, { action: 'approve' }, { csrf: null })).status).toBe(
      403,
    );
    expect((await adminWish(a)).moderation).toBe('pending');
    const approved = await lea.post(`/console/souhaits/${a}/moderation`, {
      action: 'approve',
      retour: '/console/souhaits?vue=a-traiter',
    });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe('/console/souhaits?vue=a-traiter');
    expect((await adminWish(a)).moderation).toBe('published');
    const rejected = await lea.post(`/console/souhaits/${b}/moderation`, { action: 'reject', reason: 'publicité' });
    expect(rejected.status).toBe(303);
    const wishB = await adminWish(b);
    expect(wishB.moderation).toBe('rejected');
    expect(wishB.moderationLog).toMatchObject([
      { action: 'reject', reason: 'publicité', by: { name: 'Léa Plateforme' } },
    ]);
    const hidden = await lea.post(`/console/souhaits/${a}/moderation`, { action: 'hide', reason: 'doublon injurieux' });
    expect(hidden.status).toBe(303);
    expect((await adminWish(a)).moderation).toBe('hidden');
    const after = await lea.html('/console/souhaits');
    expect(after.html).toContain('Souhait masqué.');
    const journal = await lea.html('/console/journal');
    expect(journal.html).toContain('Souhait modéré');
  });

  it('shows no pending wish to a partner, and refuses a moderator of another partner', async () => {
    const id = await pendingWish('Horaires du port autonome');
    const list = await mod.html('/console/souhaits');
    expect(list.status).toBe(200);
    expect(list.html).not.toContain('Horaires du port autonome');
    expect((await mod.html(`/console/souhaits/${id}`)).status).toBe(404);
    const res = await mod.post(`/console/souhaits/${id}/moderation`, { action: 'approve' });
    expect(res.status).toBe(403);
    expect((await adminWish(id)).moderation).toBe('pending');
  });
});

describe('a wish and its steps', () => {
  it('assigns partners, then refuses to close it without an answer, in French on the form', async () => {
    const id = await publishedWish(hub, newVisitor(), { title: 'Calendrier des marchés de Nouméa' });
    const assigned = await step(lea, id, { status: 'a-l-etude', 'partnerIds[]': ['noumea', 'province-sud'] });
    expect(assigned.status).toBe(303);
    expect((await readWish(hub, id)).partners).toMatchObject([{ id: 'noumea' }, { id: 'province-sud' }]);
    const refused = await step(noe, id, { status: 'refuse', answer: '' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/<title>Erreur\s:/);
    expect(html).toContain('un refus demande une réponse publique');
    expect(await htmlProblems(html)).toEqual([]);
    const duplicate = await step(noe, id, { status: 'doublon' });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain('indiquez le souhait dont celui-ci est le doublon');
    expect((await readWish(hub, id)).status).toBe('a-l-etude');
  });

  it('marks a duplicate from the other wish’s address and publishes with the answering item', async () => {
    const original = await publishedWish(hub, newVisitor(), { title: 'Horaires des piscines municipales' });
    const copy = await publishedWish(hub, newVisitor(), { title: 'Quand ouvrent les piscines' });
    const marked = await step(lea, copy, { status: 'doublon', duplicateOf: `${hub.url}/souhaits/${original}` });
    expect(marked.status).toBe(303);
    expect(await readWish(hub, copy)).toMatchObject({ status: 'doublon', duplicateOf: original });
    expect((await step(lea, original, { status: 'a-l-etude', 'partnerIds[]': 'noumea' })).status).toBe(303);
    const item = await createItem('noumea');
    const missing = await step(noe, original, { status: 'publie', itemId: 'nulle-part' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('indiquez le contenu publié qui répond au souhait');
    const published = await step(noe, original, { status: 'publie', itemId: `/articles/${item}` });
    expect(published.status).toBe(303);
    const wish = await readWish(hub, original);
    expect(wish).toMatchObject({ status: 'publie', itemId: item });
    const page = await noe.html(`/console/souhaits/${original}`);
    expect(page.html).toContain('Étape enregistrée et publiée.');
    expect(page.html).toContain(`/articles/${item}`);
  });

  it('lets a partner answer only the wishes assigned to it', async () => {
    const id = await publishedWish(hub, newVisitor(), { title: 'Transport scolaire à Dumbéa' });
    expect((await step(lea, id, { status: 'a-l-etude', 'partnerIds[]': 'noumea' })).status).toBe(303);
    // The Province Sud is not assigned: its page shows no step form, and a forged post is refused.
    const sudPage = await sud.html(`/console/souhaits/${id}`);
    expect(sudPage.status).toBe(200);
    expect(sudPage.html).not.toContain('Enregistrer l’étape');
    const forged = await sud.post(`/console/souhaits/${id}/etape`, { status: 'refuse', answer: 'Non.' });
    expect(forged.status).toBe(403);
    expect((await readWish(hub, id)).status).toBe('a-l-etude');
    // A moderator takes no steps.
    await mod.html(`/console/souhaits/${id}`);
    expect((await mod.post(`/console/souhaits/${id}/etape`, { status: 'accepte', answer: 'Oui.' })).status).toBe(403);
    // Nouméa's editor answers, signed by Nouméa.
    const ok = await step(noe, id, { status: 'accepte', answer: 'Nous préparons une page sur les lignes.' });
    expect(ok.status).toBe(303);
    const wish = await readWish(hub, id);
    const last = (wish.history as { status: string; signedBy: string }[]).at(-1);
    expect(last).toMatchObject({ status: 'accepte', signedBy: expect.stringMatching(/Nouméa/) });
  });
});

describe('a wish entered on a citizen’s behalf', () => {
  it('refuses a missing post link, then publishes it with its network and link', async () => {
    await sud.html('/console/souhaits/nouveau');
    const refused = await sud.post('/console/souhaits/nouveau', {
      network: 'facebook',
      postUrl: '',
      title: 'Plan des pistes cyclables',
      body: 'Un citoyen demande un plan des pistes cyclables de la province.',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/<title>Erreur\s:/);
    expect(html).toContain('Plan des pistes cyclables');
    expect(await htmlProblems(html)).toEqual([]);
    const postUrl = 'https://www.facebook.com/provincesud/posts/123';
    const saved = await sud.post('/console/souhaits/nouveau', {
      network: 'facebook',
      postUrl,
      title: 'Plan des pistes cyclables',
      body: 'Un citoyen demande un plan des pistes cyclables de la province.',
      campaign: 'velo-2027',
    });
    expect(saved.status).toBe(303);
    const id = String(saved.headers.get('location')).split('/').at(-1) ?? '';
    expect(await adminWish(id)).toMatchObject({
      moderation: 'published',
      origin: { kind: 'agent', network: 'facebook', postUrl },
      campaign: 'velo-2027',
    });
    const page = await sud.html(`/console/souhaits/${id}`);
    expect(page.html).toContain(postUrl);
    expect(page.html).toContain('Saisi par un agent depuis Facebook');
  });
});

describe('« À traiter »', () => {
  it('shows the platform the wishes to moderate, and a partner its wishes without answer', async () => {
    await pendingWish('Annuaire des associations sportives');
    const home = await lea.html('/console');
    expect(home.html).toContain('Souhaits à traiter');
    expect(home.html).toContain('Annuaire des associations sportives');
    const id = await publishedWish(hub, newVisitor(), { title: 'Tarifs de la cantine scolaire' });
    expect((await step(lea, id, { status: 'a-l-etude', 'partnerIds[]': 'noumea' })).status).toBe(303);
    const before = await noe.html('/console');
    expect(before.html).toContain('Tarifs de la cantine scolaire');
    expect(before.html).toContain('Confié à votre partenaire, sans réponse');
    const mine = await noe.html('/console/souhaits');
    expect(mine.html).toContain('Tarifs de la cantine scolaire');
    expect((await step(noe, id, { status: 'a-l-etude', answer: 'Nous demandons les tarifs.' })).status).toBe(303);
    expect((await noe.html('/console')).html).not.toContain('Tarifs de la cantine scolaire');
  });
});
