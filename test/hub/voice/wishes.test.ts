import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashVisitorKey } from '../../../hub/interaction/index.js';
import { createCitizenWish } from '../../../hub/voice/wishes/create-wish.js';
import { WishModel } from '../../../hub/voice/wishes/wish-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { moderate, newVisitor, postWish, publishedWish, readWish, wishFormToken } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'wishes' });
});
afterAll(() => hub.stop());

describe('proposing a wish', () => {
  it('gives a form token with the list, stores a pre-moderated wish, and shows it once approved', async () => {
    const list = await hub.request('/api/v1/wishes');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { total: number; wishes: unknown[]; formToken: string };
    // No visitor key, no token: a token is bound to the key that asked for it.
    expect(body).toMatchObject({ total: 0, wishes: [], formToken: null });
    const visitor = newVisitor();
    const own = await hub.request('/api/v1/wishes', { headers: { 'Passerelle-Visitor': visitor } });
    expect(((await own.json()) as { formToken: string }).formToken).toEqual(expect.any(String));

    const res = await postWish(hub, visitor, {
      title: '  Les   horaires des piscines  ',
      body: 'Où trouver les horaires des piscines <script>alert(1)</script> ?',
      commune: '98818',
      audience: 'particuliers',
      campaign: 'fb-2026-11',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; moderation: string; status: string };
    expect(created).toMatchObject({ moderation: 'pending', status: 'nouveau' });
    // Pending: not public yet.
    expect((await hub.request(`/api/v1/wishes/${created.id}`)).status).toBe(404);
    expect((await moderate(hub, created.id, 'approve')).status).toBe(200);

    const wish = await readWish(hub, created.id, visitor);
    expect(wish).toMatchObject({
      id: created.id,
      title: 'Les horaires des piscines',
      body: 'Où trouver les horaires des piscines <script>alert(1)</script> ?',
      status: 'nouveau',
      supports: 0,
      supported: false,
      commune: '98818',
      communeName: 'Nouméa',
      audience: 'particuliers',
      history: [{ status: 'nouveau', from: null, signedBy: 'Un citoyen' }],
    });
    // The campaign and the visitor are the agents' business, never public.
    expect(wish).not.toHaveProperty('campaign');
    expect(JSON.stringify(wish)).not.toContain('visitor');
    const stored = await WishModel.findById(created.id).lean();
    expect(stored?.campaign).toBe('fb-2026-11');
  });

  it('refuses bad input in French, a filled honeypot, a missing visitor, a too-fast form, a duplicate', async () => {
    const visitor = newVisitor();
    const bad = await postWish(hub, visitor, {
      title: 'ab',
      body: 'court',
      commune: '98899',
      email: 'pas-une-adresse',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const problem = (await bad.json()) as { code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['body', 'commune', 'email', 'title']);
    expect(problem.errors.find((e) => e.field === 'title')?.message).toMatch(/titre/);

    const honeypot = await postWish(hub, visitor, { website: 'http://spam.example' });
    expect(honeypot.status).toBe(400);
    expect(await honeypot.json()).toMatchObject({ code: 'honeypot' });

    const anonymous = await hub.request('/api/v1/wishes', {
      method: 'POST',
      json: { title: 'Un souhait', body: 'Une description assez longue', formToken: await wishFormToken(newVisitor()) },
    });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toMatchObject({ code: 'visitor_required' });

    const tooFast = await postWish(hub, visitor, { formToken: await wishFormToken(visitor, 0) });
    expect(tooFast.status).toBe(422);
    expect(await tooFast.json()).toMatchObject({ code: 'too_fast' });

    const foreign = await postWish(hub, visitor, { formToken: await wishFormToken(newVisitor()) });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: 'form_token_foreign' });
    const forged = await postWish(hub, visitor, { formToken: 'abc.def' });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'form_token_invalid' });

    const first = await postWish(hub, visitor, { title: 'Le calendrier scolaire' });
    expect(first.status).toBe(201);
    const again = await postWish(hub, visitor, { title: 'le  Calendrier scolaire' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'duplicate_wish' });
    expect(await WishModel.countDocuments({ title: /calendrier scolaire/i })).toBe(1);
  });

  it('limits a visitor to 5 wishes an hour (429 with Retry-After)', async () => {
    const visitor = newVisitor();
    for (let i = 0; i < 5; i += 1) expect((await postWish(hub, visitor)).status).toBe(201);
    const sixth = await postWish(hub, visitor);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the public list', () => {
  it('filters by status, topic and commune, and sorts by supports, newest or recently answered', async () => {
    const a = await publishedWish(hub, newVisitor(), {
      title: 'Transports scolaires à Koné',
      topic: 'transports',
      commune: '98811',
    });
    const b = await publishedWish(hub, newVisitor(), { title: 'Bourses étudiantes', topic: 'education' });
    for (const v of [newVisitor(), newVisitor()])
      await hub.request(`/api/v1/wishes/${b}/supports`, { method: 'POST', headers: { 'Passerelle-Visitor': v } });
    await hub.request(`/api/v1/wishes/${a}/supports`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': newVisitor() },
    });

    const bySupports = (await (await hub.request('/api/v1/wishes?sort=supports')).json()) as {
      wishes: { id: string; supports: number }[];
    };
    const ids = bySupports.wishes.map((w) => w.id);
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
    const supports = bySupports.wishes.map((w) => w.supports);
    expect(supports).toEqual([...supports].sort((x, y) => y - x));

    const recent = (await (await hub.request('/api/v1/wishes?sort=recent')).json()) as { wishes: { id: string }[] };
    expect(recent.wishes[0]?.id).toBe(b);

    const topic = (await (await hub.request('/api/v1/wishes?topic=transports')).json()) as {
      total: number;
      wishes: { id: string }[];
    };
    expect(topic.wishes.map((w) => w.id)).toEqual([a]);
    const commune = (await (await hub.request('/api/v1/wishes?commune=98811&status=nouveau')).json()) as {
      wishes: { id: string }[];
    };
    expect(commune.wishes.map((w) => w.id)).toEqual([a]);
    const none = (await (await hub.request('/api/v1/wishes?status=publie')).json()) as { total: number };
    expect(none.total).toBe(0);

    const bad = await hub.request('/api/v1/wishes?sort=popular&status=inconnu&limit=500');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['limit', 'sort', 'status']);
  });
});

describe('moderation of wishes', () => {
  it('hides a wish reported by 3 distinct visitors until a moderator approves it again', async () => {
    const id = await publishedWish(hub, newVisitor());
    const flag = (visitor: string) =>
      hub.request(`/api/v1/wishes/${id}/flags`, {
        method: 'POST',
        headers: { 'Passerelle-Visitor': visitor },
        json: { reason: 'spam' },
      });
    const first = newVisitor();
    expect((await flag(first)).status).toBe(201);
    const again = await flag(first);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'already_flagged' });
    expect((await flag(newVisitor())).status).toBe(201);
    expect((await hub.request(`/api/v1/wishes/${id}`)).status).toBe(200);
    expect((await flag(newVisitor())).status).toBe(201);
    expect((await hub.request(`/api/v1/wishes/${id}`)).status).toBe(404);
    const hidden = await moderate(hub, id, 'hide');
    expect(hidden.status).toBe(409);
    expect(await hidden.json()).toMatchObject({ code: 'invalid_transition' });
    expect((await moderate(hub, id, 'approve')).status).toBe(200);
    expect((await hub.request(`/api/v1/wishes/${id}`)).status).toBe(200);
  });

  it('follows the mode: post publishes at once, first-time once the visitor has an approved wish', async () => {
    const input = { title: 'Un souhait du mode post', body: 'Une description assez longue.', formToken: '-' };
    const request = (visitorHash: string, mode: 'post' | 'first-time', title = input.title) =>
      createCitizenWish({
        input: { ...input, title },
        visitorHash,
        addressHash: 'adresse',
        mode,
        spendToken: () => Promise.resolve(),
      });
    expect((await request(hashVisitorKey(newVisitor()), 'post')).wish.moderation).toBe('published');
    const visitor = newVisitor();
    expect((await request(hashVisitorKey(visitor), 'first-time', 'Premier souhait')).wish.moderation).toBe('pending');
    await publishedWish(hub, visitor);
    expect((await request(hashVisitorKey(visitor), 'first-time', 'Second souhait')).wish.moderation).toBe('published');
    const id = await publishedWish(hub, newVisitor());
    const anonymous = await hub.request(`/api/v1/admin/wishes/${id}/moderation`, {
      method: 'POST',
      json: { action: 'hide' },
    });
    expect(anonymous.status).toBe(401);
  });
});
