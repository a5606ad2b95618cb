import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeVoiceData } from '../../../hub/voice/index.js';
import { SubscriptionModel } from '../../../hub/voice/follow-up/subscription-model.js';
import { WishModel } from '../../../hub/voice/wishes/wish-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { changeStatus, createItem, newVisitor, oldFormToken, publishedWish, readWish, support } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'voiceprivacy' });
});
afterAll(() => hub.stop());

function visitorData(visitor: string, method: 'GET' | 'DELETE'): Promise<Response> {
  return hub.request('/api/v1/visitor/data', { method, headers: { 'Passerelle-Visitor': visitor } });
}

describe("a visitor's voice data", () => {
  it('is exported and erased with the likes and comments: wishes, supports, feedback, follow-up addresses', async () => {
    const visitor = newVisitor();
    const own = await publishedWish(hub, visitor, {
      title: 'Les horaires de la mairie annexe',
      email: 'citoyen@example.nc',
    });
    const others = await publishedWish(hub, newVisitor());
    await support(hub, others, visitor);
    await support(hub, own, newVisitor());
    const itemId = await createItem();
    await hub.request(`/api/v1/items/${itemId}/feedback`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': visitor },
      json: {
        useful: false,
        reasons: ['incomplet'],
        text: 'Il manque les tarifs.',
        formToken: await oldFormToken(itemId, visitor),
      },
    });

    const exported = (await (await visitorData(visitor, 'GET')).json()) as Record<string, unknown[]>;
    expect(exported.likes).toEqual([]);
    expect(exported.wishes).toMatchObject([{ id: own, title: 'Les horaires de la mairie annexe' }]);
    expect(exported.supports).toMatchObject([{ wishId: others }]);
    expect(exported.feedback).toMatchObject([{ itemId, useful: false, text: 'Il manque les tarifs.' }]);
    expect(exported.followUps).toMatchObject([{ wishId: own, email: 'citoyen@example.nc', status: 'pending' }]);

    const erased = await visitorData(visitor, 'DELETE');
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { erased: unknown }).erased).toMatchObject({
      wishes: 1,
      supports: 1,
      feedback: 1,
      followUps: 1,
    });
    expect(await WishModel.exists({ _id: own })).toBeNull();
    expect((await readWish(hub, others)).supports).toBe(0);
    const after = (await (await visitorData(visitor, 'GET')).json()) as Record<string, unknown[]>;
    expect([after.wishes, after.supports, after.feedback, after.followUps]).toEqual([[], [], [], []]);
  });

  it('erases follow-up addresses 90 days after the wish is closed, and unconfirmed ones after 7 days', async () => {
    const id = await publishedWish(hub, newVisitor(), { email: 'suivi@example.nc' });
    const open = await publishedWish(hub, newVisitor(), { email: 'ouvert@example.nc' });
    await SubscriptionModel.updateMany({ wishId: { $in: [id, open] } }, { $set: { status: 'confirmed' } });
    await changeStatus(hub, id, { status: 'refuse', answer: 'Hors compétence.' });
    const day = 86_400_000;
    expect((await purgeVoiceData(new Date(Date.now() + 89 * day))).followUps).toBe(0);
    expect((await purgeVoiceData(new Date(Date.now() + 91 * day))).followUps).toBe(1);
    expect(await SubscriptionModel.countDocuments({ wishId: id })).toBe(0);
    expect(await SubscriptionModel.countDocuments({ wishId: open })).toBe(1);
  });
});

describe('writes from partner sites', () => {
  it('accept wishes and supports from a partner origin, refuse other origins (403 origin_not_allowed)', async () => {
    await hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      token: 'test-admin-token-0123456789abcdef',
      json: { allowedOrigins: ['https://www.noumea.nc'] },
    });
    const id = await publishedWish(hub, newVisitor());
    const allowed = await hub.request(`/api/v1/wishes/${id}/supports`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': newVisitor(), Origin: 'https://www.noumea.nc' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.noumea.nc');
    const refused = await hub.request(`/api/v1/wishes/${id}/supports`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': newVisitor(), Origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed' });
  });
});
