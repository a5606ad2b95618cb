/**
 * The registry through the real hub and database: editors write their partner's services
 * (public http(s) addresses only), citizens find them in search — first, before the
 * items — and leave through /sortie/:id, counted per day and redirected only to the
 * registered address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnlineService } from '../../../schemas/index.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { toNoumeaDay } from '../../../hub/online-services/index.js';

let hub: TestHub;
let noumeaAdmin: string;
let dumbeaAdmin: string;

async function createToken(role: string, partnerId: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name: `${role} ${partnerId}`, role, partnerId },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function createService(json: Record<string, unknown>, token = TEST_ADMIN_TOKEN): Promise<OnlineService> {
  const res = await hub.request('/api/v1/admin/services', { method: 'POST', token, json });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as OnlineService;
}

const TAX = {
  partnerId: 'noumea',
  name: "Payer la redevance d'enlèvement des ordures ménagères",
  description: 'Réglez votre facture de ramassage des déchets par carte bancaire.',
  url: 'https://eservices.noumea.nc/redevance-ordures',
  topics: ['environnement'],
  audience: ['particuliers'],
  keywords: ['poubelles', 'déchets', 'REOM'],
  accountRequired: false,
  cost: 'Selon la facture',
  duration: '5 minutes',
};

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'services' });
  noumeaAdmin = await createToken('partner-admin', 'noumea');
  dumbeaAdmin = await createToken('partner-admin', 'dumbea');
});
afterAll(async () => {
  await hub.stop();
});

describe('writing services', () => {
  it("lets a partner's admin register a service, with every field of the registry", async () => {
    const service = await createService(TAX, noumeaAdmin);
    expect(service).toMatchObject({
      ...TAX,
      territory: { scope: 'nc' },
      itemIds: [],
      origin: { kind: 'editor' },
      status: 'active',
      exitUrl: `/sortie/${service.id}`,
    });
    expect(service.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['http://10.1.2.3/demarche', /privée, locale ou réservée/],
    ['http://127.0.0.2/demarche', /privée, locale ou réservée/],
    ['http://localhost:8080/', /privée, locale ou réservée/],
    ['http://intranet/demarche', /privée, locale ou réservée/],
    ['http://[::1]/', /privée, locale ou réservée/],
    ['https://agent:secret@eservices.noumea.nc/', /ni nom d'utilisateur ni mot de passe/],
    ['ftp://eservices.noumea.nc/', /http/],
    ['pas une adresse', /http/],
  ])('refuses the address %s with a French message and writes nothing', async (url, message) => {
    const res = await hub.request('/api/v1/admin/services', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { ...TAX, name: `Refusé ${url}`, url },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'url', message: expect.stringMatching(message) }),
    ]);
    const all = (await (await hub.request('/api/v1/admin/services', { token: TEST_ADMIN_TOKEN })).json()) as {
      services: OnlineService[];
    };
    expect(all.services.some((s) => s.name.startsWith('Refusé'))).toBe(false);
  });

  it("refuses another partner's admin (403) and an unknown partner (400)", async () => {
    const other = await hub.request('/api/v1/admin/services', { method: 'POST', token: dumbeaAdmin, json: TAX });
    expect(other.status).toBe(403);
    const unknown = await hub.request('/api/v1/admin/services', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { ...TAX, partnerId: 'atlantide' },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: 'partnerId', message: 'partenaire inconnu' }] });
  });

  it('updates and deletes a service of its own partner only', async () => {
    const service = await createService({ ...TAX, name: 'Réserver une salle municipale', keywords: [] }, noumeaAdmin);
    const denied = await hub.request(`/api/v1/admin/services/${service.id}`, {
      method: 'PATCH',
      token: dumbeaAdmin,
      json: { cost: 'Gratuit' },
    });
    expect(denied.status).toBe(403);
    const patched = await hub.request(`/api/v1/admin/services/${service.id}`, {
      method: 'PATCH',
      token: noumeaAdmin,
      json: { cost: 'Gratuit', url: 'https://eservices.noumea.nc/salles' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ cost: 'Gratuit', url: 'https://eservices.noumea.nc/salles' });
    const badUrl = await hub.request(`/api/v1/admin/services/${service.id}`, {
      method: 'PATCH',
      token: noumeaAdmin,
      json: { url: 'http://192.168.1.10/' },
    });
    expect(badUrl.status).toBe(400);
    const moved = await hub.request(`/api/v1/admin/services/${service.id}`, {
      method: 'PATCH',
      token: noumeaAdmin,
      json: { partnerId: 'dumbea' },
    });
    expect(moved.status).toBe(400);
    const deleted = await hub.request(`/api/v1/admin/services/${service.id}`, { method: 'DELETE', token: noumeaAdmin });
    expect(deleted.status).toBe(204);
    expect((await hub.request(`/api/v1/services/${service.id}`)).status).toBe(404);
  });
});

describe('finding services', () => {
  it('shows a service first when searching for its name, in /api/v1/services and beside the items', async () => {
    await createService({ ...TAX, name: 'Inscrire un enfant à la cantine scolaire', keywords: ['restauration'] });
    const list = (await (await hub.request('/api/v1/services?q=redevance%20ordures%20menageres')).json()) as {
      total: number;
      services: OnlineService[];
    };
    expect(list.services[0]?.name).toBe(TAX.name);
    const items = (await (await hub.request(`/api/v1/items?q=${encodeURIComponent(TAX.name)}`)).json()) as {
      services?: OnlineService[];
    };
    expect(items.services?.[0]).toMatchObject({ name: TAX.name, exitUrl: expect.stringMatching(/^\/sortie\//) });
    // Its keywords find it too; a query about something else does not.
    const byKeyword = (await (await hub.request('/api/v1/services?q=poubelles')).json()) as {
      services: OnlineService[];
    };
    expect(byKeyword.services.map((s) => s.name)).toEqual([TAX.name]);
    const none = (await (await hub.request('/api/v1/items?q=permis%20de%20construire')).json()) as object;
    expect(none).not.toHaveProperty('services');
  });

  it('filters by partner, topic, audience and commune, and refuses a bad commune in French', async () => {
    await createService({
      ...TAX,
      partnerId: 'province-nord',
      name: 'Demander une aide au transport scolaire',
      territory: { scope: 'province', province: 'nord' },
      topics: ['education'],
      keywords: [],
    });
    const names = async (query: string) =>
      ((await (await hub.request(`/api/v1/services?${query}`)).json()) as { services: OnlineService[] }).services.map(
        (s) => s.name,
      );
    expect(await names('partner=province-nord')).toEqual(['Demander une aide au transport scolaire']);
    expect(await names('topic=education')).toEqual(['Demander une aide au transport scolaire']);
    expect(await names('commune=98811')).toContain('Demander une aide au transport scolaire'); // Koné, province Nord
    expect(await names('commune=98818')).not.toContain('Demander une aide au transport scolaire'); // Nouméa, Sud
    expect(await names('audience=professionnels')).toEqual([]);
    const bad = await hub.request('/api/v1/services?commune=75001');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'commune' }] });
  });
});

describe('/sortie/:id', () => {
  it('redirects to the registered address only, and counts each exit per Nouméa day', async () => {
    const service = await createService({ ...TAX, name: 'Demander un acte de naissance', keywords: [] });
    const exit = await hub.request(`/sortie/${service.id}?url=https://evil.example/&next=//evil.example`, {
      redirect: 'manual',
    });
    expect(exit.status).toBe(302);
    expect(exit.headers.get('location')).toBe(TAX.url);
    expect(exit.headers.get('cache-control')).toBe('no-store');
    // Exits in parallel: none lost (inserts, never a shared counter).
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () => hub.request(`/sortie/${service.id}`, { redirect: 'manual' })),
    );
    expect(parallel.every((r) => r.status === 302)).toBe(true);
    const today = toNoumeaDay(new Date());
    const counts = (await (
      await hub.request(`/api/v1/admin/services/exits?from=${today}&to=${today}`, { token: noumeaAdmin })
    ).json()) as {
      total: number;
      services: { serviceId: string; total: number; days: { day: string; count: number }[] }[];
    };
    expect(counts.services.find((s) => s.serviceId === service.id)).toEqual(
      expect.objectContaining({ total: 21, days: [{ day: today, count: 21 }] }),
    );
    // Another partner's agent does not see Nouméa's counts.
    const other = (await (
      await hub.request(`/api/v1/admin/services/exits?from=${today}&to=${today}`, { token: dumbeaAdmin })
    ).json()) as { services: unknown[] };
    expect(other.services).toEqual([]);
  });

  it('answers 404 for an unknown, malformed or withdrawn service, and never redirects', async () => {
    for (const id of ['0123456789abcdef', 'https:%2F%2Fevil.example', '..%2F..%2Fadmin']) {
      const res = await hub.request(`/sortie/${id}`, { redirect: 'manual' });
      expect(res.status, id).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
    const service = await createService({ ...TAX, name: 'Service retiré', keywords: [] });
    await hub.request(`/api/v1/admin/services/${service.id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { status: 'withdrawn' },
    });
    expect((await hub.request(`/sortie/${service.id}`, { redirect: 'manual' })).status).toBe(404);
  });

  it('stores nothing about the visitor: only the service and the day', async () => {
    const { ExitModel } = await import('../../../hub/online-services/service-model.js');
    const doc = await ExitModel.findOne().lean();
    expect(Object.keys(doc ?? {}).sort()).toEqual(['_id', 'day', 'serviceId']);
  });
});
