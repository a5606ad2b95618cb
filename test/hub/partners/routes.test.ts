import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;
let partnerAdmin: string;
let otherAdmin: string;
let moderator: string;

async function makeToken(role: string, partnerId?: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name: `${role} test`, role, partnerId },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'partners' });
  partnerAdmin = await makeToken('partner-admin', 'noumea');
  otherAdmin = await makeToken('partner-admin', 'lifou');
  moderator = await makeToken('moderator', 'noumea');
});
afterAll(() => hub.stop());

describe('GET /api/v1/partners', () => {
  it('lists the 45 seeded partners with public fields only', async () => {
    const res = await hub.request('/api/v1/partners');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; partners: Record<string, unknown>[] };
    expect(body.total).toBe(45);
    const kinds = body.partners.reduce<Record<string, number>>(
      (acc, p) => ({ ...acc, [String(p.kind)]: (acc[String(p.kind)] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toMatchObject({ province: 3, commune: 33, government: 1, state: 1 });
    for (const p of body.partners) {
      expect(p).not.toHaveProperty('contacts');
      expect(p).not.toHaveProperty('allowedOrigins');
      expect(p).not.toHaveProperty('status');
    }
    const noumea = body.partners.find((p) => p.id === 'noumea');
    expect(noumea).toMatchObject({ name: 'Nouméa', territory: { province: 'sud', communeCode: '98818' } });
  });

  it('sorts names in French order and filters by kind and province', async () => {
    const body = (await (await hub.request('/api/v1/partners?kind=commune&province=nord')).json()) as {
      partners: { name: string }[];
    };
    expect(body.partners).toHaveLength(17);
    expect(body.partners[0]?.name).toBe('Bélep');
  });

  it('hides inactive partners', async () => {
    await PartnerModel.updateOne({ _id: 'isee' }, { $set: { status: 'inactive' } });
    const body = (await (await hub.request('/api/v1/partners')).json()) as { total: number };
    expect(body.total).toBe(44);
    expect((await hub.request('/api/v1/partners/isee')).status).toBe(404);
    await PartnerModel.updateOne({ _id: 'isee' }, { $set: { status: 'active' } });
  });
});

describe('admin partner CRUD', () => {
  const input = {
    id: 'dimenc',
    name: "Direction de l'industrie, des mines et de l'énergie",
    kind: 'public-body',
    website: 'https://dimenc.gouv.nc',
    contacts: [{ email: 'contact@dimenc.nc' }],
    allowedOrigins: ['https://dimenc.gouv.nc'],
  };

  it('creates, reads, updates and deletes a partner', async () => {
    const created = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: input,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/admin/partners/dimenc');
    expect(await created.json()).toMatchObject({ ...input, status: 'active', moderation: { mode: 'post' } });

    const read = await hub.request('/api/v1/admin/partners/dimenc', { token: TEST_ADMIN_TOKEN });
    expect(await read.json()).toMatchObject({ contacts: [{ email: 'contact@dimenc.nc' }] });

    const patched = await hub.request('/api/v1/admin/partners/dimenc', {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { moderation: { mode: 'pre' } },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: input.name, moderation: { mode: 'pre' } });

    expect((await hub.request('/api/v1/partners/dimenc')).status).toBe(200);
    expect(
      (await hub.request('/api/v1/admin/partners/dimenc', { method: 'DELETE', token: TEST_ADMIN_TOKEN })).status,
    ).toBe(204);
    expect((await hub.request('/api/v1/admin/partners/dimenc', { token: TEST_ADMIN_TOKEN })).status).toBe(404);
  });

  it('refuses a duplicate id with 409', async () => {
    const res = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { id: 'noumea', name: 'Autre', kind: 'commune' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'partner_exists' });
  });

  it('answers invalid input with 400 problem+json naming the fields, and stores nothing', async () => {
    const res = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: {
        id: 'Bad Id',
        name: 'X',
        kind: 'village',
        website: 'javascript:alert(1)',
        allowedOrigins: ['https://ok.nc/path'],
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['id', 'name', 'kind', 'website', 'allowedOrigins.0']),
    );
    expect(await PartnerModel.countDocuments()).toBe(45);
  });

  it('refuses a PATCH that changes the id or has unknown fields', async () => {
    const res = await hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { id: 'other', colour: 'red' },
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'colour']));
    expect((await PartnerModel.findById('noumea').lean())?._id).toBe('noumea');
  });

  it('refuses to delete a partner that still has tokens', async () => {
    const res = await hub.request('/api/v1/admin/partners/noumea', { method: 'DELETE', token: TEST_ADMIN_TOKEN });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'partner_in_use' });
  });
});

describe('admin partner authorization', () => {
  const routes: [string, string, unknown?][] = [
    ['POST', '/api/v1/admin/partners', { id: 'x-y', name: 'XY', kind: 'other' }],
    ['GET', '/api/v1/admin/partners'],
    ['GET', '/api/v1/admin/partners/noumea'],
    ['PATCH', '/api/v1/admin/partners/noumea', { description: 'Capitale' }],
    ['DELETE', '/api/v1/admin/partners/lifou'],
  ];

  it.each(routes)('%s %s without a token → 401', async (method, path, json) => {
    const res = await hub.request(path, { method, ...(json ? { json } : {}) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ code: 'unauthorized' });
  });

  it.each(routes)('%s %s with a forged token → 401', async (method, path, json) => {
    const res = await hub.request(path, {
      method,
      token: 'pst_0000000000000000_' + 'a'.repeat(43),
      ...(json ? { json } : {}),
    });
    expect(res.status).toBe(401);
  });

  it('lets a partner admin read and edit only its own partner', async () => {
    expect((await hub.request('/api/v1/admin/partners/noumea', { token: partnerAdmin })).status).toBe(200);
    expect((await hub.request('/api/v1/admin/partners/lifou', { token: partnerAdmin })).status).toBe(403);
    const list = (await (await hub.request('/api/v1/admin/partners', { token: partnerAdmin })).json()) as {
      partners: { id: string }[];
    };
    expect(list.partners.map((p) => p.id)).toEqual(['noumea']);
    const ok = await hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      token: partnerAdmin,
      json: { allowedOrigins: ['https://www.noumea.nc'] },
    });
    expect(ok.status).toBe(200);
    expect(
      (
        await hub.request('/api/v1/admin/partners/lifou', {
          method: 'PATCH',
          token: partnerAdmin,
          json: { description: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hub.request('/api/v1/admin/partners/noumea', {
          method: 'PATCH',
          token: partnerAdmin,
          json: { status: 'inactive' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hub.request('/api/v1/admin/partners/noumea', {
          method: 'PATCH',
          token: otherAdmin,
          json: { description: 'x' },
        })
      ).status,
    ).toBe(403);
  });

  it('forbids partner roles to create or delete partners, and moderators to edit', async () => {
    expect(
      (
        await hub.request('/api/v1/admin/partners', {
          method: 'POST',
          token: partnerAdmin,
          json: { id: 'x-y', name: 'XY', kind: 'other' },
        })
      ).status,
    ).toBe(403);
    expect((await hub.request('/api/v1/admin/partners/noumea', { method: 'DELETE', token: partnerAdmin })).status).toBe(
      403,
    );
    expect(
      (
        await hub.request('/api/v1/admin/partners/noumea', {
          method: 'PATCH',
          token: moderator,
          json: { description: 'x' },
        })
      ).status,
    ).toBe(403);
  });

  it('shows moderators comments only: not partner records, widget snippets or sources', async () => {
    for (const path of [
      '/api/v1/admin/partners',
      '/api/v1/admin/partners/noumea',
      '/api/v1/admin/partners/noumea/snippets',
      '/api/v1/admin/sources?partner=noumea',
      '/api/v1/admin/alerts',
      '/api/v1/admin/tokens',
    ]) {
      const res = await hub.request(path, { token: moderator });
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect((await hub.request('/api/v1/admin/comments', { token: moderator })).status).toBe(200);
    expect((await hub.request('/api/v1/admin/me', { token: moderator })).status).toBe(200);
    expect((await hub.request('/api/v1/admin/partners/noumea/snippets', { token: partnerAdmin })).status).toBe(200);
  });
});

describe('partner names', () => {
  it('removes bidi controls and zero-width characters, and refuses a name with nothing visible', async () => {
    const res = await hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: {
        name: 'Ville de\u202E Nou\u200Bméa\u2066',
        shortName: '\u200FNouméa',
        description: 'Capitale\u202E du pays',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: 'Ville de Nouméa',
      shortName: 'Nouméa',
      description: 'Capitale du pays',
    });
    const invisible = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { id: 'fantome', name: '\u202E\u200B\u2066', kind: 'other' },
    });
    expect(invisible.status).toBe(400);
    expect(await invisible.json()).toMatchObject({ code: 'invalid_input', errors: [{ field: 'name' }] });
    expect(await PartnerModel.findById('fantome').lean()).toBeNull();
    const publicView = (await (await hub.request('/api/v1/partners/noumea')).json()) as { name: string };
    expect(publicView.name).toBe('Ville de Nouméa');
  });
});
