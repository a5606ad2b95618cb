/**
 * The registry fed by sources, through real runs against loopback servers: a DILA fiche's
 * « Services en ligne et formulaires » become registry entries listing the fiche, and a
 * JSON API whose entries are services (entries: "services") is mapped into the registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnlineService, Run } from '../../../schemas/index.js';
import { deriveItemId } from '../../../connectors/shared/index.js';
import { readFixture } from '../../connectors/helpers/fixtures.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;
let site: LoopbackServer;

async function createSource(json: Record<string, unknown>): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', { method: 'POST', token: TEST_ADMIN_TOKEN, json });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function runNow(id: string): Promise<Run> {
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return (await res.json()) as Run;
}

async function servicesOf(partnerId: string): Promise<OnlineService[]> {
  const res = await hub.request(`/api/v1/admin/services?partner=${partnerId}`, { token: TEST_ADMIN_TOKEN });
  return ((await res.json()) as { services: OnlineService[] }).services;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'svcingest' });
  site = await startLoopbackServer();
});
afterAll(async () => {
  await hub.services.scheduler.idle();
  await site.close();
  await hub.stop();
});

describe("DILA fiches' online services", () => {
  let sourceId: string;
  let itemId: string;

  beforeAll(async () => {
    site.route('/F13240.xml', serve(readFixture('comarquage/F13240.xml'), 'application/xml'));
    sourceId = await createSource({
      partnerId: 'haut-commissariat',
      kind: 'comarquage',
      url: `${site.origin}/F13240.xml`,
    });
    expect(await runNow(sourceId)).toMatchObject({ status: 'ok', counts: { created: 1 } });
    itemId = deriveItemId(sourceId, 'F13240');
  });

  it('become registry entries with their link and the fiche they belong to', async () => {
    const [service] = await servicesOf('haut-commissariat');
    expect(service).toMatchObject({
      name: 'Pôle emploi : espace personnel',
      url: 'https://candidat.pole-emploi.fr/candidat/espacepersonnel/authentification',
      kind: 'Téléservice',
      partnerId: 'haut-commissariat',
      itemIds: [itemId],
      audience: ['particuliers'],
      origin: { kind: 'fiche', sourceId },
      status: 'active',
    });
    // The item keeps them as structured links, and lists them for its page.
    const item = (await (await hub.request(`/api/v1/items/${itemId}`)).json()) as { links: { services: unknown[] } };
    expect(item.links.services).toHaveLength(1);
    const onItem = (await (await hub.request(`/api/v1/services?item=${itemId}`)).json()) as {
      services: OnlineService[];
    };
    expect(onItem.services.map((s) => s.id)).toEqual([service!.id]);
  });

  it('are not written again by an unchanged run, and keep the same id', async () => {
    const before = await servicesOf('haut-commissariat');
    await runNow(sourceId);
    expect(await servicesOf('haut-commissariat')).toEqual(before);
  });

  it("take an editor's additions but not a new name or address (the fiche owns them)", async () => {
    const [service] = await servicesOf('haut-commissariat');
    const added = await hub.request(`/api/v1/admin/services/${service!.id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { cost: 'Gratuit', accountRequired: true },
    });
    expect(added.status).toBe(200);
    const renamed = await hub.request(`/api/v1/admin/services/${service!.id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { name: 'Autre nom' },
    });
    expect(renamed.status).toBe(409);
    expect(await renamed.json()).toMatchObject({ code: 'service_managed_by_source' });
    const deleted = await hub.request(`/api/v1/admin/services/${service!.id}`, {
      method: 'DELETE',
      token: TEST_ADMIN_TOKEN,
    });
    expect(deleted.status).toBe(409);
    await runNow(sourceId);
    expect((await servicesOf('haut-commissariat'))[0]).toMatchObject({ cost: 'Gratuit', accountRequired: true });
  });

  it('are withdrawn when no fiche of the source points to them any more', async () => {
    const withoutService = Buffer.from(readFixture('comarquage/F13240.xml'))
      .toString('utf8')
      .replace(/<ServiceEnLigne[\s\S]*?<\/ServiceEnLigne>/, '');
    site.route('/F13240.xml', serve(withoutService, 'application/xml'));
    await runNow(sourceId);
    const [service] = await servicesOf('haut-commissariat');
    expect(service).toMatchObject({ status: 'withdrawn', itemIds: [] });
    expect((await hub.request(`/sortie/${service!.id}`, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('a JSON API whose entries are services', () => {
  const entries = [
    {
      code: 'etat-civil-naissance',
      libelle: "Demander un extrait d'acte de naissance",
      resume: 'Recevez votre extrait par courrier.',
      lien: 'https://demarches.province-sud.nc/naissance',
      mots: ['état civil', 'naissance'],
      compte: 'non',
      tarif: 'Gratuit',
      delai: '8 jours',
      themes: ['État civil'],
    },
    {
      code: 'bourse',
      libelle: "Demander une bourse d'études",
      lien: 'https://demarches.province-sud.nc/bourse',
      compte: 'oui',
      themes: ['Éducation'],
    },
    { code: 'piege', libelle: 'Adresse interne', lien: 'http://10.0.0.5/interne' },
  ];
  let sourceId: string;

  beforeAll(async () => {
    site.route('/demarches.json', serve(JSON.stringify({ demarches: entries }), 'application/json'));
    sourceId = await createSource({
      partnerId: 'province-sud',
      kind: 'json-api',
      entries: 'services',
      complete: true,
      url: `${site.origin}/demarches.json`,
      defaults: { audience: ['particuliers'], territory: { scope: 'province', province: 'sud' } },
      mapping: {
        itemsPath: 'demarches',
        fields: {
          guid: 'code',
          title: 'libelle',
          summary: 'resume',
          url: 'lien',
          keywords: 'mots',
          accountRequired: 'compte',
          cost: 'tarif',
          duration: 'delai',
          topics: 'themes',
        },
      },
    });
  });

  it('maps each entry to a service; a private address is rejected, not registered', async () => {
    const run = await runNow(sourceId);
    expect(run).toMatchObject({ status: 'partial', counts: { created: 2, rejected: 1 } });
    const services = await servicesOf('province-sud');
    // French order: « un extrait » before « une bourse ».
    expect(services.map((s) => s.name)).toEqual([
      "Demander un extrait d'acte de naissance",
      "Demander une bourse d'études",
    ]);
    expect(services[0]).toMatchObject({
      description: 'Recevez votre extrait par courrier.',
      url: 'https://demarches.province-sud.nc/naissance',
      keywords: ['état civil', 'naissance'],
      accountRequired: false,
      cost: 'Gratuit',
      duration: '8 jours',
      topics: ['etat-civil'],
      audience: ['particuliers'],
      territory: { scope: 'province', province: 'sud' },
      origin: { kind: 'source', sourceId, ref: 'etat-civil-naissance' },
    });
    expect(services[1]).toMatchObject({ accountRequired: true });
    // No item is written for a source of services.
    expect((await hub.request(`/api/v1/items/${deriveItemId(sourceId, 'bourse')}`)).status).toBe(404);
  });

  it('counts unchanged entries, updates changed ones and withdraws vanished ones (complete source)', async () => {
    site.route(
      '/demarches.json',
      serve(JSON.stringify({ demarches: [{ ...entries[0], tarif: '500 F CFP' }] }), 'application/json'),
    );
    const run = await runNow(sourceId);
    expect(run.counts).toMatchObject({ created: 0, updated: 1, withdrawn: 1 });
    const services = await servicesOf('province-sud');
    expect(services.map((s) => [s.name, s.status, s.cost])).toEqual([
      ["Demander un extrait d'acte de naissance", 'active', '500 F CFP'],
      ["Demander une bourse d'études", 'withdrawn', undefined],
    ]);
    const again = await runNow(sourceId);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1, withdrawn: 0 });
  });

  it("refuses an agent's edit of a source's service (the source owns it)", async () => {
    const [service] = await servicesOf('province-sud');
    const res = await hub.request(`/api/v1/admin/services/${service!.id}`, {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: { cost: 'Autre' },
    });
    expect(res.status).toBe(409);
  });

  it('refuses entries: "services" on a comarquage source', async () => {
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'gouvernement', kind: 'comarquage', entries: 'services', url: `${site.origin}/x.zip` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'entries' }] });
  });
});
