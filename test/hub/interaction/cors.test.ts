import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LikeModel } from '../../../hub/interaction/likes/like-model.js';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { createItem, newVisitor, postCommentOk } from './fixtures.js';

const NOUMEA = 'https://www.noumea.nc';
const LIFOU = 'https://lifou.nc';
const EVIL = 'https://evil.example';
const PORTAL = 'http://portal.test'; // PUBLIC_URL of the test hub

let hub: TestHub;
let item: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  hub = await startTestHub({
    seed: true,
    label: 'cors',
    env: { LOG_LEVEL: 'warn' },
    logTo: { write: (line) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  await PartnerModel.updateOne({ _id: 'noumea' }, { $set: { allowedOrigins: [NOUMEA] } });
  await PartnerModel.updateOne({ _id: 'lifou' }, { $set: { allowedOrigins: [LIFOU] } });
  item = await createItem('noumea');
});
afterAll(() => hub.stop());

function preflight(path: string, origin: string, method: string): Promise<Response> {
  return hub.request(path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'content-type,passerelle-visitor',
    },
  });
}

function like(origin: string | undefined, visitor = newVisitor()): Promise<Response> {
  return hub.request(`/api/v1/items/${item}/likes`, {
    method: 'POST',
    headers: { 'Passerelle-Visitor': visitor, ...(origin ? { Origin: origin } : {}) },
  });
}

describe('CORS on writes', () => {
  it('answers the preflight of an allowed origin with its origin, headers and max-age', async () => {
    const res = await preflight(`/api/v1/items/${item}/likes`, NOUMEA, 'POST');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(NOUMEA);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST.*DELETE|DELETE.*POST/);
    const allowed = res.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    for (const h of ['content-type', 'passerelle-visitor', 'passerelle-edit-token']) expect(allowed).toContain(h);
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('refuses the preflight and the write of a disallowed origin with 403 origin_not_allowed, storing nothing', async () => {
    const pre = await preflight(`/api/v1/items/${item}/likes`, EVIL, 'POST');
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const visitor = newVisitor();
    const res = await like(EVIL, visitor);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'origin_not_allowed' });
    expect(await LikeModel.countDocuments({ itemId: item })).toBe(0);
    // Another partner's origin is not this item's partner.
    expect((await like(LIFOU)).status).toBe(403);
  });

  it("accepts the partner's origin, the hub's own origin, and requests without Origin", async () => {
    const fromPartner = await like(NOUMEA);
    expect(fromPartner.status).toBe(200);
    expect(fromPartner.headers.get('access-control-allow-origin')).toBe(NOUMEA);
    expect(fromPartner.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect((await like(PORTAL)).status).toBe(200);
    const serverToServer = await like(undefined);
    expect(serverToServer.status).toBe(200);
    expect(serverToServer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("checks comment edits and flags against the comment's item's partner", async () => {
    const posted = await postCommentOk(hub, item, newVisitor());
    const flag = (origin: string) =>
      hub.request(`/api/v1/comments/${posted.comment.id}/flags`, {
        method: 'POST',
        json: { reason: 'spam' },
        headers: { Origin: origin, 'Passerelle-Visitor': newVisitor() },
      });
    expect((await flag(LIFOU)).status).toBe(403);
    expect((await flag(NOUMEA)).status).toBe(201);
    const edit = (origin: string) =>
      hub.request(`/api/v1/comments/${posted.comment.id}`, {
        method: 'PATCH',
        json: { body: 'corrigé' },
        headers: { Origin: origin, 'Passerelle-Edit-Token': posted.editToken },
      });
    expect((await edit(EVIL)).status).toBe(403);
    expect((await edit(NOUMEA)).status).toBe(200);
    expect((await preflight(`/api/v1/comments/${posted.comment.id}`, NOUMEA, 'DELETE')).status).toBe(204);
    const comment = (origin: string) =>
      hub.request(`/api/v1/items/${item}/comments`, { method: 'POST', json: {}, headers: { Origin: origin } });
    expect((await comment(EVIL)).status).toBe(403);
  });

  it("lets any partner's origin, and no other, reach visitor data", async () => {
    const data = (origin: string, method = 'GET') =>
      hub.request('/api/v1/visitor/data', { method, headers: { Origin: origin, 'Passerelle-Visitor': newVisitor() } });
    expect((await data(LIFOU)).status).toBe(200);
    expect((await data(NOUMEA, 'DELETE')).status).toBe(200);
    expect((await data(EVIL)).status).toBe(403);
    expect((await preflight('/api/v1/visitor/data', EVIL, 'GET')).status).toBe(403);
  });
});

describe('what a page may write, told on reads', () => {
  const thread = (origin?: string) =>
    hub.request(`/api/v1/items/${item}/comments`, { headers: origin ? { Origin: origin } : {} });

  it("says writable to the partner's origins, the hub's own and same-origin pages, not to others", async () => {
    for (const origin of [NOUMEA, PORTAL, undefined])
      expect(await (await thread(origin)).json()).toMatchObject({ writable: true });
    for (const origin of [EVIL, LIFOU, 'null']) {
      const res = await thread(origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toMatchObject({ writable: false, total: expect.any(Number) });
    }
  });

  it('logs a refused origin with the partner whose allowedOrigins lack it', async () => {
    logLines.length = 0;
    await thread(EVIL);
    await preflight(`/api/v1/items/${item}/likes`, LIFOU, 'POST');
    const refusals = logLines.filter((l) => String(l.msg).startsWith('cors:'));
    expect(refusals).toEqual([
      expect.objectContaining({ origin: EVIL, partnerId: 'noumea', level: 40 }),
      expect.objectContaining({ origin: LIFOU, partnerId: 'noumea', method: 'POST' }),
    ]);
  });
});

describe('CORS on reads', () => {
  it('opens reads to every origin with *', async () => {
    const res = await hub.request(`/api/v1/items/${item}/reactions`, { headers: { Origin: EVIL } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const thread = await hub.request(`/api/v1/items/${item}/comments`, { headers: { Origin: EVIL } });
    expect(thread.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await preflight(`/api/v1/items/${item}/comments`, EVIL, 'GET');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await hub.request('/api/v1/items/missing/reactions', { headers: { Origin: EVIL } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('gives admin routes no CORS at all', async () => {
    const res = await hub.request('/api/v1/admin/comments', { token: TEST_ADMIN_TOKEN, headers: { Origin: NOUMEA } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
