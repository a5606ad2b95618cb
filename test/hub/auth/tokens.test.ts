import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;

async function create(token: string, json: unknown): Promise<Response> {
  return hub.request('/api/v1/admin/tokens', { method: 'POST', token, json });
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'tokens' });
});
afterAll(() => hub.stop());

describe('admin tokens', () => {
  it('creates a partner token whose secret is shown once and stored only as a hash', async () => {
    const res = await create(TEST_ADMIN_TOKEN, {
      name: 'Agent web de Nouméa',
      role: 'partner-admin',
      partnerId: 'noumea',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { id: string; token: string; role: string };
    // The secret is base64url: it may itself hold `_` (split('_') gave '' when it began with one).
    const [, secret] = /^pst_[a-f0-9]{16}_([A-Za-z0-9_-]{43})$/.exec(body.token) ?? [];
    expect(secret).toBeDefined();
    const stored = await mongoose.connection.db!.collection('tokens').findOne({ _id: body.id as never });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const me = await hub.request('/api/v1/admin/me', { token: body.token });
    expect(await me.json()).toMatchObject({ tokenId: body.id, role: 'partner-admin', partnerId: 'noumea' });
    const list = (await (await hub.request('/api/v1/admin/tokens', { token: TEST_ADMIN_TOKEN })).json()) as {
      tokens: Record<string, unknown>[];
    };
    expect(list.tokens.find((t) => t.id === body.id)).not.toHaveProperty('token');
  });

  it("lets a partner admin manage only its own partner's tokens, never platform ones", async () => {
    const admin = (
      (await (
        await create(TEST_ADMIN_TOKEN, { name: 'Admin Lifou', role: 'partner-admin', partnerId: 'lifou' })
      ).json()) as { token: string }
    ).token;
    expect((await create(admin, { name: 'Modération Lifou', role: 'moderator', partnerId: 'lifou' })).status).toBe(201);
    expect((await create(admin, { name: 'Modération Maré', role: 'moderator', partnerId: 'mare' })).status).toBe(403);
    expect((await create(admin, { name: 'Super', role: 'platform-admin' })).status).toBe(403);
    const mine = (await (await hub.request('/api/v1/admin/tokens', { token: admin })).json()) as {
      tokens: { id: string; partnerId?: string }[];
    };
    expect(new Set(mine.tokens.map((t) => t.partnerId))).toEqual(new Set(['lifou']));
    const other = (
      (await (
        await create(TEST_ADMIN_TOKEN, { name: 'Admin Maré', role: 'partner-admin', partnerId: 'mare' })
      ).json()) as { id: string }
    ).id;
    expect((await hub.request(`/api/v1/admin/tokens/${other}`, { method: 'DELETE', token: admin })).status).toBe(403);
  });

  it('keeps moderators out of token management', async () => {
    const moderator = (
      (await (
        await create(TEST_ADMIN_TOKEN, { name: 'Modération Koné', role: 'moderator', partnerId: 'kone' })
      ).json()) as { token: string }
    ).token;
    expect((await create(moderator, { name: 'x', role: 'moderator', partnerId: 'kone' })).status).toBe(403);
    expect((await hub.request('/api/v1/admin/tokens', { token: moderator })).status).toBe(403);
  });

  it('validates the input, naming the field', async () => {
    const missing = await create(TEST_ADMIN_TOKEN, { name: 'Sans partenaire', role: 'moderator' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('partnerId');
    const unknown = await create(TEST_ADMIN_TOKEN, { name: 'Inconnu', role: 'moderator', partnerId: 'atlantide' });
    expect(((await unknown.json()) as { errors: { field: string; message: string }[] }).errors[0]).toMatchObject({
      field: 'partnerId',
      message: 'partenaire inconnu',
    });
    expect((await create(TEST_ADMIN_TOKEN, { name: 'x', role: 'root' })).status).toBe(400);
  });

  it('stops accepting a revoked token', async () => {
    const created = (await (
      await create(TEST_ADMIN_TOKEN, { name: 'Temporaire', role: 'moderator', partnerId: 'noumea' })
    ).json()) as { id: string; token: string };
    expect((await hub.request('/api/v1/admin/me', { token: created.token })).status).toBe(200);
    expect(
      (await hub.request(`/api/v1/admin/tokens/${created.id}`, { method: 'DELETE', token: TEST_ADMIN_TOKEN })).status,
    ).toBe(204);
    expect((await hub.request('/api/v1/admin/me', { token: created.token })).status).toBe(401);
  });
});
