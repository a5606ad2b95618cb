import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackModel } from '../../../hub/voice/feedback/feedback-model.js';
import { TEST_ADMIN_TOKEN, startTestHub, type TestHub } from '../../helpers/hub.js';
import { createItem, makeToken, newVisitor, oldFormToken } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'feedback' });
});
afterAll(() => hub.stop());

async function answer(itemId: string, visitor: string, json: Record<string, unknown>): Promise<Response> {
  return hub.request(`/api/v1/items/${itemId}/feedback`, {
    method: 'POST',
    headers: { 'Passerelle-Visitor': visitor },
    json: { formToken: await oldFormToken(itemId, visitor), ...json },
  });
}

async function report(query: string, token = TEST_ADMIN_TOKEN): Promise<Record<string, unknown>> {
  const res = await hub.request(`/api/v1/admin/feedback?${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('« Cette page vous a-t-elle été utile ? »', () => {
  it('takes the item form token of the comments, one answer per visitor, changeable', async () => {
    const itemId = await createItem();
    const visitor = newVisitor();
    const thread = (await (
      await hub.request(`/api/v1/items/${itemId}/comments`, { headers: { 'Passerelle-Visitor': visitor } })
    ).json()) as { formToken: string };
    const tooFast = await answer(itemId, visitor, { useful: true, formToken: thread.formToken });
    expect(tooFast.status).toBe(422);
    expect(await tooFast.json()).toMatchObject({ code: 'too_fast' });

    const first = await answer(itemId, visitor, {
      useful: false,
      reasons: ['pas-clair', 'obsolete'],
      text: 'Le tarif a changé.',
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ recorded: true, changed: false });
    const own = await hub.request(`/api/v1/items/${itemId}/feedback`, { headers: { 'Passerelle-Visitor': visitor } });
    expect(await own.json()).toEqual({ answer: { useful: false, reasons: ['pas-clair', 'obsolete'] } });

    const changed = await answer(itemId, visitor, { useful: true });
    expect(changed.status).toBe(200);
    // One token, one submission (the comment form's token, as here, or the feedback's own).
    const token = await oldFormToken(itemId, visitor);
    expect((await answer(itemId, visitor, { useful: true, formToken: token })).status).toBe(200);
    const reused = await answer(itemId, visitor, { useful: true, formToken: token });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: 'form_token_used' });
    expect(await FeedbackModel.countDocuments({ itemId })).toBe(1);
    expect(await report(`item=${itemId}`)).toMatchObject({ useful: 1, notUseful: 0, usefulRate: 1, texts: [] });
  });

  it('refuses reasons with « Oui », unknown reasons, long texts, honeypots, other items’ tokens, unknown items', async () => {
    const itemId = await createItem();
    const other = await createItem();
    const visitor = newVisitor();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ useful: true, reasons: ['pas-clair'] }, 400, 'invalid_input'],
      [{ useful: false, reasons: ['trop-long'] }, 400, 'invalid_input'],
      [{ useful: false, text: 'x'.repeat(501) }, 400, 'invalid_input'],
      [{ useful: false, website: 'http://spam.example' }, 400, 'honeypot'],
      [{ useful: false, formToken: await oldFormToken(other, visitor) }, 400, 'form_token_invalid'],
      [{ useful: false, formToken: await oldFormToken(itemId, newVisitor()) }, 403, 'form_token_foreign'],
    ];
    for (const [json, status, code] of cases) {
      const res = await answer(itemId, visitor, json);
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(await res.json()).toMatchObject({ code });
    }
    expect(await FeedbackModel.countDocuments({ itemId })).toBe(0);
    expect((await answer('no-such-item', visitor, { useful: true })).status).toBe(404);
    const anonymous = await hub.request(`/api/v1/items/${itemId}/feedback`, {
      method: 'POST',
      json: { useful: true, formToken: await oldFormToken(itemId, newVisitor()) },
    });
    expect(anonymous.status).toBe(400);
  });

  it('keeps counts exact under concurrency: 120 answers of 60 visitors, half of them changing their mind', async () => {
    const itemId = await createItem();
    const visitors = Array.from({ length: 60 }, newVisitor);
    const post = async (visitor: string, useful: boolean) => {
      const formToken = await oldFormToken(itemId, visitor);
      return hub.request(`/api/v1/items/${itemId}/feedback`, {
        method: 'POST',
        headers: { 'Passerelle-Visitor': visitor },
        json: useful ? { useful, formToken } : { useful, reasons: ['incomplet'], formToken },
      });
    };
    const first = await Promise.all(visitors.map((v, i) => post(v, i % 3 !== 0)));
    expect(first.every((r) => r.status === 201)).toBe(true);
    // Twice at once from the same visitors: one record each whatever the order.
    const again = await Promise.all([...visitors.slice(0, 30), ...visitors.slice(0, 30)].map((v) => post(v, false)));
    expect(again.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(await FeedbackModel.countDocuments({ itemId })).toBe(60);
    // Visitors 0–29 now say no; of 30–59, those with i % 3 === 0 said no (30, 33, … 57: 10).
    expect(await report(`item=${itemId}`)).toMatchObject({
      useful: 20,
      notUseful: 40,
      usefulRate: 0.333,
      reasons: { incomplet: 40 },
    });
  }, 120_000);

  it('shows agents per item and per partner, least useful first, and only to that partner', async () => {
    const good = await createItem('koumac');
    const bad = await createItem('koumac');
    await answer(good, newVisitor(), { useful: true });
    await answer(bad, newVisitor(), {
      useful: false,
      reasons: ['lien-casse'],
      text: 'Le lien vers le formulaire est mort.',
    });
    await answer(bad, newVisitor(), { useful: true });
    const partner = await report('partner=koumac');
    expect(partner).toMatchObject({ partnerId: 'koumac', useful: 2, notUseful: 1, reasons: { 'lien-casse': 1 } });
    expect((partner.items as { itemId: string }[]).map((i) => i.itemId)).toEqual([bad, good]);
    const koumac = await makeToken(hub, 'moderator', 'koumac');
    const item = await report(`item=${bad}`, koumac);
    expect(item).toMatchObject({ texts: [{ text: 'Le lien vers le formulaire est mort.', useful: false }] });
    expect((await report('', koumac)).partnerId).toBe('koumac');
    const other = await makeToken(hub, 'partner-admin', 'noumea');
    expect((await hub.request(`/api/v1/admin/feedback?item=${bad}`, { token: other })).status).toBe(403);
    expect((await hub.request('/api/v1/admin/feedback?partner=koumac', { token: other })).status).toBe(403);
    expect((await hub.request('/api/v1/admin/feedback')).status).toBe(401);
  });
});
