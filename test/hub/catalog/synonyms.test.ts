/**
 * /api/v1/admin/search/synonyms against a real hub and database: an admin's synonym is in
 * use for the very next query (no index rebuild), a shipped entry can be switched off and
 * restored, another hub process picks a change up by polling, and only platform admins may
 * touch the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSynonymRuntime } from '../../../hub/catalog/index.js';
import { createLogger } from '../../../hub/log.js';
import { SearchService } from '../../../hub/search/index.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { insertItems } from '../../helpers/items.js';

let hub: TestHub;
const PATH = '/api/v1/admin/search/synonyms';

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'synonyms' });
  await insertItems([
    { id: 'emploi-nord', partnerId: 'province-nord', title: 'Offres d’emploi de la province Nord' },
    { id: 'roulotte', partnerId: 'noumea', title: 'Autorisation pour une roulotte sur la place publique' },
  ]);
  await hub.services.catalog.search.refresh();
}, 60_000);
afterAll(async () => hub?.stop());

const ids = async (q: string) =>
  (
    (await (await hub.request(`/api/v1/items?q=${encodeURIComponent(q)}`)).json()) as { items: { id: string }[] }
  ).items.map((i) => i.id);
const admin = (path: string, init: RequestInit & { json?: unknown } = {}) =>
  hub.request(path, { ...init, token: TEST_ADMIN_TOKEN });

describe('search synonyms administration', () => {
  it('lists the shipped entries with their provenance', async () => {
    const res = await admin(PATH);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; entries: { id: string; origin: string; source: string }[] };
    const boulot = body.entries.find((e) => e.id === 'shipped:everyday:boulot');
    expect(boulot).toMatchObject({
      origin: 'shipped',
      enabled: true,
      oneWay: true,
      terms: ['boulot', 'travail', 'emploi'],
    });
    expect(boulot!.source).toMatch(/DILA/);
    expect(body.entries.find((e) => e.id === 'shipped:dila:cpam')?.source).toMatch(/DILA/);
  });

  it('uses an added synonym for the next query, without rebuilding the index', async () => {
    const builtAt = hub.services.catalog.search.service.getIndex()!.builtAt;
    expect(await ids('food truck ')).toEqual([]);
    const res = await admin(PATH, { method: 'POST', json: { terms: ['food truck', 'roulotte'] } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; origin: string };
    expect(created.origin).toBe('admin');
    expect(await ids('food truck ')).toEqual(['roulotte']);
    expect(hub.services.catalog.search.service.getIndex()!.builtAt).toBe(builtAt);

    expect(
      (await admin(`${PATH}/${created.id}`, { method: 'PUT', json: { terms: ['camion-restaurant', 'roulotte'] } }))
        .status,
    ).toBe(200);
    expect(await ids('food truck ')).toEqual([]);
    expect(await ids('camion restaurant ')).toEqual(['roulotte']);
    expect((await admin(`${PATH}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await ids('camion restaurant ')).toEqual([]);
  });

  it('switches a shipped entry off and restores it', async () => {
    expect(await ids('boulot ')).toContain('emploi-nord');
    expect((await admin(`${PATH}/shipped:everyday:boulot`, { method: 'DELETE' })).status).toBe(204);
    expect(await ids('boulot ')).toEqual([]);
    const list = (await (await admin(PATH)).json()) as { entries: { id: string; enabled: boolean }[] };
    expect(list.entries.find((e) => e.id === 'shipped:everyday:boulot')?.enabled).toBe(false);
    const restored = await admin(`${PATH}/shipped:everyday:boulot/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ enabled: true, modified: false });
    expect(await ids('boulot ')).toContain('emploi-nord');
  });

  it('reaches another hub process through the version it polls', async () => {
    const service = new SearchService({ loadAll: async () => ({ items: [], partners: {} }) });
    await service.load(
      (await import('../../../hub/search/index.js')).serializeSearchIndex(
        hub.services.catalog.search.service.getIndex()!,
      ),
    );
    const other = createSynonymRuntime({ service, log: createLogger('silent'), pollMs: 50 });
    await other.start();
    try {
      const find = () => service.search({ q: 'guinguette ' }).items.map((h) => h.id);
      expect(find()).toEqual([]);
      const res = await admin(PATH, { method: 'POST', json: { terms: ['guinguette', 'roulotte'], oneWay: true } });
      const { id } = (await res.json()) as { id: string };
      await expect.poll(find, { timeout: 10_000, interval: 50 }).toEqual(['roulotte']);
      expect(other.version()).toBe(hub.services.catalog.synonyms.version());
      await admin(`${PATH}/${id}`, { method: 'DELETE' });
      await expect.poll(find, { timeout: 10_000, interval: 50 }).toEqual([]);
    } finally {
      other.stop();
    }
  });

  it('answers 400 in French for a bad entry and 404 for an unknown one', async () => {
    const bad = await admin(PATH, { method: 'POST', json: { terms: ['seul'] } });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors[0]!.field).toBe('terms');
    const digits = await admin(PATH, { method: 'POST', json: { terms: ['123', 'abc'] } });
    expect(((await digits.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'doit contenir au moins une lettre',
    );
    expect((await admin(`${PATH}/inconnu`, { method: 'PUT', json: { terms: ['a', 'b'] } })).status).toBe(404);
    expect((await admin(`${PATH}/inconnu`, { method: 'DELETE' })).status).toBe(404);
    expect((await admin(`${PATH}/syn-1/restore`, { method: 'POST' })).status).toBe(404);
  });

  it('is for platform admins only', async () => {
    expect((await hub.request(PATH)).status).toBe(401);
    const created = await admin('/api/v1/admin/tokens', {
      method: 'POST',
      json: { name: 'Agent de Nouméa', role: 'partner-admin', partnerId: 'noumea' },
    });
    const { token } = (await created.json()) as { token: string };
    expect((await hub.request(PATH, { token })).status).toBe(403);
    expect((await hub.request(PATH, { method: 'POST', token, json: { terms: ['a', 'b'] } })).status).toBe(403);
  });
});
