import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestHub, type TestHub } from '../../helpers/hub.js';
import { changeStatus, createItem, makeToken, newVisitor, publishedWish, readWish } from './fixtures.js';

let hub: TestHub;
let noumea: string;
let province: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'wishstatus' });
  noumea = await makeToken(hub, 'partner-admin', 'noumea', 'Agent de Nouméa');
  province = await makeToken(hub, 'partner-admin', 'province-sud', 'Agent de la province Sud');
});
afterAll(() => hub.stop());

async function problemOf(res: Response): Promise<{ code: string; errors?: { field: string }[] }> {
  return (await res.json()) as never;
}

describe('the life of a wish', () => {
  it('goes nouveau → a-l-etude → accepte → publie, every step dated and signed by its partner', async () => {
    const id = await publishedWish(hub, newVisitor());
    const itemId = await createItem('noumea');
    const assign = await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['noumea'] });
    expect(assign.status).toBe(200);
    expect(
      (await changeStatus(hub, id, { status: 'accepte', answer: 'Nous préparons une page.' }, noumea)).status,
    ).toBe(200);
    expect((await changeStatus(hub, id, { status: 'publie', itemId }, noumea)).status).toBe(200);
    const wish = await readWish(hub, id);
    expect(wish).toMatchObject({
      status: 'publie',
      itemId,
      answer: 'Nous préparons une page.',
      partners: [{ id: 'noumea', name: expect.stringMatching(/Nouméa/) }],
    });
    const history = wish.history as { status: string; signedBy: string; at: string; partnerId?: string }[];
    expect(history.map((s) => s.status)).toEqual(['nouveau', 'a-l-etude', 'accepte', 'publie']);
    expect(history[1]).toMatchObject({ signedBy: 'Passerelle (équipe de la plateforme)', partnerIds: ['noumea'] });
    expect(history[2]).toMatchObject({ partnerId: 'noumea', signedBy: expect.stringMatching(/Nouméa/) });
    for (const step of history) expect(Date.parse(step.at)).not.toBeNaN();
    // The public never sees the agent's token.
    expect(JSON.stringify(wish)).not.toMatch(/tokenId|Agent de Nouméa/);
    const admin = (await (await hub.request(`/api/v1/admin/wishes/${id}`, { token: TEST_ADMIN_TOKEN })).json()) as {
      signatures: { by: { name: string } }[];
    };
    expect(admin.signatures[2]?.by.name).toBe('Agent de Nouméa');
    // Closed: nothing more.
    const after = await changeStatus(hub, id, { status: 'accepte' }, noumea);
    expect(after.status).toBe(409);
    expect(await problemOf(after)).toMatchObject({ code: 'invalid_transition' });
  });

  it('cannot become refuse without a public answer (400)', async () => {
    const id = await publishedWish(hub, newVisitor());
    const res = await changeStatus(hub, id, { status: 'refuse' });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors?.map((e) => e.field)).toEqual(['answer']);
    expect((await readWish(hub, id)).status).toBe('nouveau');
    expect((await changeStatus(hub, id, { status: 'refuse', answer: 'Hors des compétences publiques.' })).status).toBe(
      200,
    );
  });

  it('requires the other wish for doublon, which must exist and not be itself', async () => {
    const original = await publishedWish(hub, newVisitor());
    const id = await publishedWish(hub, newVisitor());
    for (const json of [
      { status: 'doublon' },
      { status: 'doublon', duplicateOf: id },
      { status: 'doublon', duplicateOf: 'inconnu-000' },
    ]) {
      const res = await changeStatus(hub, id, json);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors?.map((e) => e.field)).toEqual(['duplicateOf']);
    }
    const ok = await changeStatus(hub, id, { status: 'doublon', duplicateOf: original });
    expect(ok.status).toBe(200);
    expect(await readWish(hub, id)).toMatchObject({ status: 'doublon', duplicateOf: original });
  });

  it('requires a published item for publie, and partners for a-l-etude', async () => {
    const id = await publishedWish(hub, newVisitor());
    const noPartner = await changeStatus(hub, id, { status: 'a-l-etude' });
    expect(noPartner.status).toBe(400);
    const unknownPartner = await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['atlantide'] });
    expect(unknownPartner.status).toBe(400);
    await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['noumea'] });
    const noItem = await changeStatus(hub, id, { status: 'publie', itemId: 'inconnu' });
    expect(noItem.status).toBe(400);
    expect((await problemOf(noItem)).errors?.map((e) => e.field)).toEqual(['itemId']);
  });

  it('a partner cannot answer a wish not assigned to it (403), but may take up a new one for itself', async () => {
    const id = await publishedWish(hub, newVisitor());
    await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['noumea'] });
    const refused = await changeStatus(hub, id, { status: 'refuse', answer: 'Non.' }, province);
    expect(refused.status).toBe(403);
    expect(await problemOf(refused)).toMatchObject({ code: 'wish_not_assigned' });
    expect((await readWish(hub, id)).status).toBe('a-l-etude');

    const other = await publishedWish(hub, newVisitor());
    const forSomeoneElse = await changeStatus(hub, other, { status: 'a-l-etude', partnerIds: ['noumea'] }, province);
    expect(forSomeoneElse.status).toBe(403);
    const takeUp = await changeStatus(hub, other, { status: 'a-l-etude', partnerIds: ['province-sud'] }, province);
    expect(takeUp.status).toBe(200);
    const moderator = await makeToken(hub, 'moderator', 'province-sud');
    expect((await changeStatus(hub, other, { status: 'accepte' }, moderator)).status).toBe(403);
  });

  it('lets agents enter a wish collected on a social network, published and signed, with its link', async () => {
    const res = await hub.request('/api/v1/admin/wishes', {
      method: 'POST',
      token: noumea,
      json: {
        title: 'Calendrier de collecte des encombrants',
        body: 'Demandé en commentaire sous notre publication du 12 novembre.',
        network: 'facebook',
        postUrl: 'https://www.facebook.com/villedenoumea/posts/123',
        campaign: 'encombrants-nov',
      },
    });
    expect(res.status).toBe(201);
    const wish = (await res.json()) as { id: string; moderation: string; origin: unknown; campaign: string };
    expect(wish).toMatchObject({
      moderation: 'published',
      origin: { kind: 'agent', network: 'facebook', postUrl: 'https://www.facebook.com/villedenoumea/posts/123' },
      campaign: 'encombrants-nov',
    });
    expect(await readWish(hub, wish.id)).toMatchObject({ history: [{ status: 'nouveau', partnerId: 'noumea' }] });
    const bad = await hub.request('/api/v1/admin/wishes', {
      method: 'POST',
      token: noumea,
      json: { title: 'Un souhait', body: 'Une description', network: 'myspace', postUrl: 'pas une adresse' },
    });
    expect(bad.status).toBe(400);
  });

  it('measures response times per partner from the signed history', async () => {
    const id = await publishedWish(hub, newVisitor());
    await changeStatus(hub, id, { status: 'a-l-etude', partnerIds: ['province-sud'] });
    await changeStatus(hub, id, { status: 'accepte', answer: 'Oui.' }, province);
    const res = await hub.request('/api/v1/wishes/response-times');
    expect(res.status).toBe(200);
    const { partners } = (await res.json()) as {
      partners: { partnerId: string; answered: number; medianDays: number; answeredWithin30Days: number }[];
    };
    expect(partners.find((p) => p.partnerId === 'province-sud')).toMatchObject({
      answered: expect.any(Number),
      medianDays: 0,
      answeredWithin30Days: 1,
    });
  });
});
