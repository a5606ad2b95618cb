import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { call, LABS, makeToken, save } from './lab-client.js';

let hub: TestHub;
let sud: string;
let cafat: string;
let noumea: string;
let moderator: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'labs-access' });
  sud = await makeToken(hub, 'Rédactrice Province Sud', 'editor', 'province-sud');
  cafat = await makeToken(hub, 'Rédacteur CAFAT', 'partner-admin', 'cafat');
  noumea = await makeToken(hub, 'Rédacteur Nouméa', 'editor', 'noumea');
  moderator = await makeToken(hub, 'Modératrice CAFAT', 'moderator', 'cafat');
});
afterAll(() => hub.stop());

async function labWithRevision(title: string): Promise<{ id: string; rev: number }> {
  const res = await call(hub, sud, LABS, { title, partnerIds: ['province-sud', 'cafat'] });
  const id = res.body.id as string;
  return { id, rev: await save(hub, sud, id, `# ${title}\n\nLe texte commun.\n\n## Comment faire\n\nEn ligne.`, 0) };
}

describe('roles and partners', () => {
  it('lets only the lead partner open a lab, with known partners', async () => {
    const refused = await call(hub, cafat, LABS, { title: 'Piloté par Sud', partnerIds: ['province-sud', 'cafat'] });
    expect(refused).toMatchObject({ status: 403, body: { code: 'lab_create_forbidden' } });
    const unknown = await call(hub, sud, LABS, { title: 'Inconnu', partnerIds: ['province-sud', 'nulle-part'] });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ field: 'partnerIds/1' }] } });
    const alone = await call(hub, sud, LABS, { title: 'Seul', partnerIds: ['province-sud'] });
    expect(alone.status).toBe(400);
    expect((await call(hub, undefined, LABS)).status).toBe(401);
  });

  it('lets every agent read and comment, only concerned partners edit and approve', async () => {
    const { id, rev } = await labWithRevision('Carte de résident');
    expect((await call(hub, noumea, `${LABS}/${id}`)).body.permissions).toEqual({
      edit: false,
      approve: false,
      lead: false,
      forcePublish: false,
      invite: false,
    });
    expect(
      (await call(hub, noumea, `${LABS}/${id}/comments`, { body: 'Et les mineurs ?', section: 'comment-faire' }))
        .status,
    ).toBe(201);
    expect((await call(hub, noumea, `${LABS}/${id}/comments`, { body: 'x', section: 'inexistante' })).status).toBe(400);
    expect((await call(hub, noumea, `${LABS}/${id}/revisions`, { body: 'Réécrit', baseRevision: rev })).body.code).toBe(
      'lab_edit_forbidden',
    );
    expect((await call(hub, noumea, `${LABS}/${id}/approvals`, { revision: rev })).body.code).toBe(
      'lab_approve_forbidden',
    );
    // A moderator of a concerned partner neither edits nor approves.
    expect((await call(hub, moderator, `${LABS}/${id}/revisions`, { body: 'Réécrit', baseRevision: rev })).status).toBe(
      403,
    );
    expect((await call(hub, moderator, `${LABS}/${id}/approvals`, { revision: rev })).status).toBe(403);
    // A platform admin edits but approves for no partner.
    expect((await call(hub, TEST_ADMIN_TOKEN, `${LABS}/${id}/approvals`, { revision: rev })).status).toBe(403);
  });

  it('lets an agent ask to join; once the lead accepts, the agent edits (and still does not approve)', async () => {
    const { id, rev } = await labWithRevision('Permis de construire');
    const request = await call(hub, noumea, `${LABS}/${id}/members`, {});
    expect(request).toMatchObject({ status: 201, body: { status: 'en-attente' } });
    const memberId = request.body.id as string;
    expect((await call(hub, cafat, `${LABS}/${id}/members/${memberId}/decision`, { accept: true })).status).toBe(403);
    expect((await call(hub, sud, `${LABS}/${id}/members/${memberId}/decision`, { accept: true })).body.status).toBe(
      'accepte',
    );
    expect((await call(hub, sud, `${LABS}/${id}/members/${memberId}/decision`, { accept: false })).body.code).toBe(
      'already_decided',
    );
    expect(await save(hub, noumea, id, 'Le permis se demande en mairie.', rev)).toBe(rev + 1);
    expect((await call(hub, noumea, `${LABS}/${id}/approvals`, { revision: rev + 1 })).status).toBe(403);
    expect((await call(hub, sud, `${LABS}/${id}/members`, {})).body.code).toBe('already_editor');
  });

  it('lists « À traiter »: labs in review awaiting my partner’s approval', async () => {
    const { id, rev } = await labWithRevision('Bourse scolaire');
    const todo = async (token: string) =>
      ((await call(hub, token, `${LABS}?todo=true`)).body.labs as { id: string }[]).map((l) => l.id);
    expect(await todo(cafat)).not.toContain(id);
    await call(hub, sud, `${LABS}/${id}/status`, { status: 'en-relecture' });
    expect(await todo(cafat)).toContain(id);
    expect(await todo(sud)).toContain(id);
    await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: rev });
    expect(await todo(cafat)).not.toContain(id);
    expect(await todo(noumea)).not.toContain(id);
  });

  it('keeps every revision of an abandoned lab and refuses changes until it is taken back', async () => {
    const { id, rev } = await labWithRevision('Abandonné');
    expect((await call(hub, cafat, `${LABS}/${id}/status`, { status: 'abandonne' })).status).toBe(403);
    expect((await call(hub, sud, `${LABS}/${id}/status`, { status: 'abandonne' })).body.status).toBe('abandonne');
    expect((await call(hub, sud, `${LABS}/${id}/revisions`, { body: 'Encore', baseRevision: rev })).body.code).toBe(
      'lab_abandoned',
    );
    expect((await call(hub, sud, `${LABS}/${id}/revisions/${rev}`)).body.body).toContain('Le texte commun.');
    await call(hub, sud, `${LABS}/${id}/status`, { status: 'brouillon' });
    expect(await save(hub, sud, id, 'Encore', rev)).toBe(rev + 1);
  });

  it('tells who else has the lab open, forgetting those silent for a minute', async () => {
    const { id } = await labWithRevision('Présence');
    expect((await call(hub, sud, `${LABS}/${id}/presence`, {})).body.present).toEqual([]);
    const seen = (await call(hub, cafat, `${LABS}/${id}/presence`, {})).body.present as { name: string }[];
    expect(seen.map((p) => p.name)).toEqual(['Rédactrice Province Sud']);
  });
});

describe('forced publication', () => {
  it('needs a platform admin and a reason, then shows « non relu par » until the partner approves', async () => {
    const { id, rev } = await labWithRevision('Allocations familiales');
    await call(hub, sud, `${LABS}/${id}/approvals`, { revision: rev });
    expect(
      (await call(hub, sud, `${LABS}/${id}/publish`, { force: true, reason: 'Urgence de rentrée scolaire' })).body.code,
    ).toBe('force_forbidden');
    const noReason = await call(hub, TEST_ADMIN_TOKEN, `${LABS}/${id}/publish`, { force: true });
    expect(noReason).toMatchObject({ status: 400, body: { errors: [{ field: 'reason' }] } });
    const forced = await call(hub, TEST_ADMIN_TOKEN, `${LABS}/${id}/publish`, {
      force: true,
      reason: 'Urgence de rentrée scolaire',
    });
    expect(forced).toMatchObject({
      status: 200,
      body: { forced: { reason: 'Urgence de rentrée scolaire', missing: ['cafat'] } },
    });
    const itemId = forced.body.itemId as string;
    expect((await call(hub, undefined, `/api/v1/items/${itemId}`)).body.unreviewedBy).toEqual(['cafat']);
    expect((await call(hub, sud, `${LABS}/${id}`)).body.unreviewedBy).toEqual(['cafat']);
    await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: rev });
    expect((await call(hub, undefined, `/api/v1/items/${itemId}`)).body).not.toHaveProperty('unreviewedBy');
  });

  it('adds a dated public change note to each later publication, keeping the first date and the counts', async () => {
    const { id, rev } = await labWithRevision('Naissance');
    const approveAll = async (n: number) => {
      await call(hub, sud, `${LABS}/${id}/approvals`, { revision: n });
      await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: n });
    };
    await approveAll(rev);
    const first = await call(hub, sud, `${LABS}/${id}/publish`, {});
    const itemId = first.body.itemId as string;
    const before = (await call(hub, undefined, `/api/v1/items/${itemId}`)).body;
    const next = await save(hub, cafat, id, '# Naissance\n\nDéclarez la naissance sous 5 jours.', rev);
    expect((await call(hub, sud, `${LABS}/${id}`)).body.status).toBe('en-relecture');
    await approveAll(next);
    expect((await call(hub, sud, `${LABS}/${id}/publish`, {})).body).toMatchObject({
      code: 'invalid_input',
      errors: [{ field: 'note' }],
    });
    expect((await call(hub, sud, `${LABS}/${id}/publish`, { note: 'Délai de déclaration précisé' })).status).toBe(200);
    const after = (await call(hub, undefined, `/api/v1/items/${itemId}`)).body;
    expect(after).toMatchObject({
      publishedAt: before.publishedAt,
      revision: 2,
      changeNotes: [{ note: 'Délai de déclaration précisé' }],
    });
    expect(after.content).toContain('sous 5 jours');
  });
});

describe('outside reviewers', () => {
  it('read and comment through their link, never approve or edit; a revoked link stops at once', async () => {
    const { id, rev } = await labWithRevision('Relecture extérieure');
    expect((await call(hub, noumea, `${LABS}/${id}/reviewers`, { name: 'Expert' })).status).toBe(403);
    const invited = await call(hub, cafat, `${LABS}/${id}/reviewers`, {
      name: 'Dr Wamytan',
      email: 'expert@example.nc',
    });
    expect(invited.status).toBe(201);
    const token = invited.body.token as string;
    expect(invited.body.url).toBe(`http://portal.test/console/relecture/${token}`);
    const days = (Date.parse(invited.body.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const link = `/api/v1/lab-reviews/${token}`;
    const read = await call(hub, undefined, link);
    expect(read).toMatchObject({ status: 200, body: { lab: { id, revision: rev }, reviewer: { name: 'Dr Wamytan' } } });
    expect(read.body.lab).not.toHaveProperty('permissions');
    const comment = await call(hub, undefined, `${link}/comments`, {
      body: 'Citez le texte de loi.',
      section: 'comment-faire',
    });
    expect(comment).toMatchObject({ status: 201, body: { author: { name: 'Dr Wamytan (relecteur extérieur)' } } });
    // The link is no bearer token: nothing under /api/v1/admin opens with it.
    expect((await call(hub, token, `${LABS}/${id}/approvals`, { revision: rev })).status).toBe(401);
    expect((await call(hub, token, `${LABS}/${id}/revisions`, { body: 'x', baseRevision: rev })).status).toBe(401);
    expect((await hub.request(`${link}/approvals`, { method: 'POST', json: { revision: rev } })).status).toBe(404);

    const reviewerId = invited.body.id as string;
    expect((await call(hub, cafat, `${LABS}/${id}/reviewers/${reviewerId}`, undefined, 'DELETE')).status).toBe(204);
    expect((await call(hub, undefined, link)).body.code).toBe('review_link_invalid');
    expect((await call(hub, undefined, `${link}/comments`, { body: 'Encore' })).status).toBe(404);
    expect((await call(hub, undefined, '/api/v1/lab-reviews/plr_0000000000000000_' + 'a'.repeat(32))).status).toBe(404);
  });
});
