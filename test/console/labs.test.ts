/**
 * The « Ateliers » screens over real HTTP, without JavaScript: Koumac opens a lab with
 * Nouméa, both edit (a stale save answers 409 with both texts to merge), comment a section,
 * reply and resolve, approve (a new revision voids the approvals), publish; « À traiter »
 * lists the lab awaiting Nouméa; a moderator and another partner are refused what is not
 * theirs; join requests and outside reviewers' links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';

let hub: TestHub;
let ana: ConsoleClient;
let paul: ConsoleClient;
let modo: ConsoleClient;
let theo: ConsoleClient;
let lea: ConsoleClient;
let labId = '';
let lab = '';

const FIRST = '# Inscrire son enfant à l’école\n\nIntroduction.\n\n## Qui peut faire la démarche\n\nLes parents.\n';

/** Valid HTML; the kit's Table wraps itself in a scrolling div role="region" (hub/ui), not ours. */
async function expectValid(html: string): Promise<void> {
  const problems = await validateHtml(html);
  expect(
    problems.filter(
      (p) =>
        !(
          p.rule === 'prefer-native-element' &&
          /> div(:nth-child\(\d+\))?$/.test(p.selector ?? '') &&
          html.includes('pl-table-wrap')
        ),
    ),
  ).toEqual([]);
}

/** Posts a form from the page last read (its CSRF token) and expects a redirect to the lab. */
async function act(client: ConsoleClient, path: string, fields: Record<string, string> = {}): Promise<string> {
  await client.html(lab);
  const res = await client.post(path, fields);
  expect(res.status, await res.clone().text()).toBe(303);
  expect(res.headers.get('location')).toBe(lab);
  return (await client.html(lab)).html;
}

describe('console: ateliers', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolelabs', env: { LOG_LEVEL: 'error' } });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@noumea.nc', name: 'Paul Nouméa', role: 'editor', partnerId: 'noumea' });
    await createTestAgent({ email: 'modo@noumea.nc', name: 'Marie Modo', role: 'moderator', partnerId: 'noumea' });
    await createTestAgent({ email: 'theo@dumbea.nc', name: 'Théo Dumbéa', role: 'editor', partnerId: 'dumbea' });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    const clients = await Promise.all(
      ['ana@koumac.nc', 'paul@noumea.nc', 'modo@noumea.nc', 'theo@dumbea.nc', 'lea@gouv.nc'].map((e) =>
        signInAs(hub, e),
      ),
    );
    [ana, paul, modo, theo, lea] = clients as [
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
    ];
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('opens a lab from the form; a refused form says why in French', async () => {
    const form = await ana.html('/console/ateliers/nouveau');
    expect(form.status).toBe(200);
    await expectValid(form.html);
    const refused = await ana.post('/console/ateliers/nouveau', { title: 'Inscrire son enfant à l’école' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('choisissez au moins un autre partenaire concerné');
    const res = await ana.post('/console/ateliers/nouveau', {
      title: 'Inscrire son enfant à l’école',
      'others[]': 'noumea',
    });
    expect(res.status).toBe(303);
    lab = res.headers.get('location') ?? '';
    labId = /\/console\/ateliers\/([^/]+)$/.exec(lab)![1]!;
    const page = await ana.html(lab);
    expect(page.html).toContain('Atelier ouvert');
    expect(page.html).toContain('Brouillon');
    await expectValid(page.html);
    expect((await modo.get('/console/ateliers/nouveau')).status).toBe(403);
  });

  it('saves revisions; a stale save answers 409 with both texts side by side', async () => {
    const editor = await ana.html(`${lab}/modifier`);
    expect(editor.html).toContain('name="baseRevision" value="0"');
    expect((await ana.post(`${lab}/modifier`, { body: FIRST, baseRevision: '0', note: 'premier jet' })).status).toBe(
      303,
    );
    await paul.html(`${lab}/modifier`);
    const stale = await paul.post(`${lab}/modifier`, { body: `${FIRST}\nTexte de Paul.\n`, baseRevision: '0' });
    const html = await stale.text();
    expect(stale.status).toBe(409);
    expect(html).toContain('Votre texte n’a pas été enregistré');
    expect(html).toContain('Ana Wahio a enregistré la révision 1');
    expect(html).toContain('name="baseRevision" value="1"');
    expect(html).toMatch(/<ins[^>]*><span class="pl-visually-hidden">\[ajouté\s:\s<\/span>Texte/);
    await expectValid(html);
    const merged = `${FIRST}\nTexte de Paul, ajouté.\n`;
    expect((await paul.post(`${lab}/modifier`, { body: merged, baseRevision: '1', note: 'fusion' })).status).toBe(303);
    expect((await modo.get(`${lab}/modifier`)).status).toBe(403);
    expect((await theo.get(`${lab}/modifier`)).status).toBe(403);
  });

  it('shows the word diff between any two revisions, readable without colour', async () => {
    const diff = await ana.html(`${lab}/differences?de=1&a=2`);
    expect(diff.status).toBe(200);
    expect(diff.html).toMatch(/<ins[^>]*><span class="pl-visually-hidden">\[ajouté\s:\s<\/span>/);
    expect(diff.html).toContain('tabindex="0"');
    await expectValid(diff.html);
    expect((await ana.get(`${lab}/differences?de=1&a=9`)).status).toBe(400);
  });

  it('lists the lab awaiting Nouméa once review is asked, in Ateliers and À traiter', async () => {
    expect((await paul.html('/console/ateliers')).html).toContain('Aucun atelier n’attend votre approbation');
    const asked = await act(ana, `${lab}/statut`, { status: 'en-relecture' });
    expect(asked).toContain('Relecture demandée');
    const list = await paul.html('/console/ateliers');
    expect(list.html).toContain(`href="${lab}"`);
    await expectValid(list.html);
    const todo = await paul.html('/console');
    expect(todo.html).toContain('Ateliers à approuver');
    expect(todo.html).toContain('Révision 2 à relire et approuver');
    expect((await paul.html('/console/ateliers?vue=tous')).html).toContain('Inscrire son enfant');
  });

  it('comments a section, replies and resolves', async () => {
    const page = await paul.html(lab);
    expect(page.html).toContain('qui-peut-faire-la-demarche');
    await act(paul, `${lab}/commentaires`, { section: 'qui-peut-faire-la-demarche', body: 'Et les tuteurs ?' });
    const withComment = await act(ana, `${lab}/commentaires`, {
      section: 'qui-peut-faire-la-demarche',
      body: 'À ajouter.',
    });
    expect(withComment).toContain('Et les tuteurs ?');
    const parentId = /name="parentId" value="([^"]+)"/.exec(withComment)?.[1];
    expect(parentId).toBeTruthy();
    const replied = await act(ana, `${lab}/commentaires`, {
      section: 'qui-peut-faire-la-demarche',
      parentId: parentId!,
      body: 'Ajouté.',
    });
    expect(replied).toContain('Ajouté.');
    const resolved = await act(ana, `${lab}/commentaires/${parentId}/resolution`, { resolved: 'oui' });
    expect(resolved).toContain('Discussion résolue');
    // Ana's comment from the console reaches Nouméa, whose agent (Paul) wrote the section last.
    const notices = (await paul.html('/console/notifications')).html;
    expect(notices).toContain('Ana Wahio a commenté la section');
    expect((await ana.html('/console/notifications')).html).not.toContain('a commenté la section');
  });

  it('approves only for the concerned partner; a new revision voids the approvals', async () => {
    await modo.html(lab);
    expect((await modo.post(`${lab}/approbation`, { revision: '2' })).status).toBe(403);
    await theo.html(lab);
    expect((await theo.post(`${lab}/approbation`, { revision: '2' })).status).toBe(403);
    await act(paul, `${lab}/approbation`, { revision: '2' });
    expect((await paul.html('/console/ateliers')).html).toContain('Aucun atelier n’attend votre approbation');
    await act(ana, `${lab}/approbation`, { revision: '2' });
    expect((await ana.html(lab)).html).toContain('Approuvé');
    const body = (await ana.html(`${lab}/modifier`)).html;
    expect(body).toContain('value="2"');
    await ana.post(`${lab}/modifier`, {
      body: `${FIRST}\nTexte de Paul, ajouté. Et les tuteurs.\n`,
      baseRevision: '2',
    });
    const voided = (await paul.html(lab)).html;
    expect(voided).toContain('En relecture');
    expect((await paul.html('/console')).html).toContain('Révision 3 à relire');
    await act(paul, `${lab}/approbation`, { revision: '3' });
  });

  it('publishes once every partner approved; forcing needs a platform admin and a reason', async () => {
    await ana.html(lab);
    expect((await ana.post(`${lab}/publication`, {})).status).toBe(409);
    await lea.html(lab);
    expect((await lea.post(`${lab}/publication`, { force: 'oui', reason: '' })).status).toBe(400);
    await act(ana, `${lab}/approbation`, { revision: '3' });
    const published = await act(ana, `${lab}/publication`);
    expect(published).toContain('Révision 3 publiée');
    expect(published).toContain(`/articles/lab-${labId}`);
  });

  it('forced publication by a platform admin with a written reason', async () => {
    await ana.html('/console/ateliers/nouveau');
    const res = await ana.post('/console/ateliers/nouveau', { title: 'Carte d’identité', 'others[]': 'noumea' });
    const other = res.headers.get('location')!;
    await ana.html(`${other}/modifier`);
    await ana.post(`${other}/modifier`, { body: '# Carte\n\nTexte.\n', baseRevision: '0' });
    await lea.html(other);
    const forced = await lea.post(`${other}/publication`, { force: 'oui', reason: 'Urgence : rentrée scolaire' });
    expect(forced.status).toBe(303);
    const page = (await lea.html(other)).html;
    expect(page).toContain('publication forcée');
    expect(page).toContain('Non relu par');
  });

  it('join requests: asked by another partner, accepted by the lead, then editing', async () => {
    await act(theo, `${lab}/membres`);
    const pending = (await ana.html(lab)).html;
    expect(pending).toContain('Théo Dumbéa');
    const memberId = new RegExp(`action="${lab}/membres/([^"]+)"`).exec(pending)?.[1];
    expect(memberId).toBeTruthy();
    await theo.html(lab);
    expect((await theo.post(`${lab}/membres/${memberId}`, { accept: 'oui' })).status).toBe(403);
    await act(ana, `${lab}/membres/${memberId}`, { accept: 'oui' });
    expect((await theo.get(`${lab}/modifier`)).status).toBe(200);
  });

  it('invites an outside reviewer (link shown once) and revokes the link', async () => {
    await ana.html(lab);
    const res = await ana.post(`${lab}/relecteurs`, { name: 'Dr Kaloï', email: 'kaloi@example.nc' });
    expect(res.status).toBe(303);
    const page = (await ana.html(lab)).html;
    const url = /\/console\/relecture\/([A-Za-z0-9_-]{20,})/.exec(page);
    expect(url).toBeTruthy();
    expect((await ana.html(lab)).html).not.toContain(url![1]);
    const api = await hub.request(`/api/v1/lab-reviews/${url![1]}`);
    expect(api.status).toBe(200);
    const reviewerId = new RegExp(`action="${lab}/relecteurs/([^/"]+)/revoquer"`).exec(page)?.[1];
    await act(ana, `${lab}/relecteurs/${reviewerId}/revoquer`);
    expect((await hub.request(`/api/v1/lab-reviews/${url![1]}`)).status).toBe(404);
  });

  it('refuses a form without its CSRF token', async () => {
    await ana.html(lab);
    expect((await ana.post(`${lab}/commentaires`, { body: 'x' }, { csrf: null })).status).toBe(403);
  });
});
