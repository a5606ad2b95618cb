/**
 * The portal's side of issue 14 over real HTTP: /demarches with its filters and French
 * 400s, an item's online services with the counted way out, and « Qui peut m'aider ? »
 * on a DILA fiche for the chosen commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveItemId } from '../../connectors/shared/index.js';
import { readFixture } from '../connectors/helpers/fixtures.js';
import { serve } from '../connectors/helpers/loopback-server.js';
import { TEST_ADMIN_TOKEN } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { getPage } from './helpers/http.js';
import { startPortalWorld, type PortalWorld } from './helpers/portal-world.js';

let world: PortalWorld;
let ficheId: string;

beforeAll(async () => {
  world = await startPortalWorld('portalservices');
  const office = await world.hub.request('/api/v1/admin/partners/noumea', {
    method: 'PATCH',
    token: TEST_ADMIN_TOKEN,
    json: { office: { name: 'Hôtel de ville de Nouméa', city: 'Nouméa', phone: '27 31 15', openingHours: '24/7' } },
  });
  expect(office.status).toBe(200);
  const service = await world.hub.request('/api/v1/admin/services', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: {
      partnerId: 'noumea',
      name: 'Demander une carte de stationnement résidentiel',
      url: 'https://eservices.noumea.nc/stationnement',
      cost: 'Gratuit',
      audience: ['particuliers'],
    },
  });
  expect(service.status).toBe(201);
  // A fiche whose « Où s'adresser ? » is the town hall (PivotLocal mairie), through a real run.
  world.site.route('/F1433.xml', serve(readFixture('comarquage/F1433.xml'), 'application/xml'));
  const source = await world.hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'gouvernement', kind: 'comarquage', url: `${world.site.origin}/F1433.xml` },
  });
  const sourceId = ((await source.json()) as { id: string }).id;
  const run = await world.hub.request(`/api/v1/admin/sources/${sourceId}/run`, {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
  });
  expect(run.status).toBe(200);
  ficheId = deriveItemId(sourceId, 'F1433');
}, 180_000);
afterAll(async () => {
  await world?.stop();
});

describe('/demarches', () => {
  it('lists the services with their way out, and finds one by its words', async () => {
    const { res, html } = await getPage(world.hub, '/demarches?q=stationnement');
    expect(res.status).toBe(200);
    expect(html).toContain('Demander une carte de stationnement résidentiel');
    expect(html).toMatch(/href="\/sortie\/[0-9a-f]{16}"/);
    expect(html).toContain('Faire la démarche en ligne');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('answers a French 400 page for an unknown commune or audience', async () => {
    const { res, html } = await getPage(world.hub, '/demarches?commune=atlantide&audience=martiens');
    expect(res.status).toBe(400);
    expect(html).toContain('commune inconnue');
  });

  it('answers a French 404 page for an unknown way out', async () => {
    const { res, html } = await getPage(world.hub, '/sortie/0123456789abcdef');
    expect(res.status).toBe(404);
    expect(html).toContain('<html lang="fr"');
  });
});

describe('a DILA fiche', () => {
  it("shows the chosen commune's town hall with « ouvert maintenant », and its online services", async () => {
    const { res, html } = await getPage(world.hub, `/articles/${ficheId}?commune=noumea`);
    expect(res.status).toBe(200);
    expect(html).toContain("Qui peut m'aider");
    expect(html).toContain('Hôtel de ville de Nouméa');
    expect(html).toContain('Ouvert maintenant');
    expect(html).toContain('href="tel:+687273115"');
    expect(html).toContain('Déclaration de concubinage');
    expect(await validateHtml(html)).toEqual([]);
    // Without a chosen commune: the form to choose it, no card.
    const plain = await getPage(world.hub, `/articles/${ficheId}`);
    expect(plain.html).toContain('Choisir ma commune');
    expect(plain.html).not.toContain('Hôtel de ville de Nouméa');
  });
});
