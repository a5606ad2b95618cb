/**
 * What a fiche says about where to act, as the registry and « Qui peut m'aider ? » read
 * it: its online services as structured links (Item.links.services) and the kinds of local
 * office of its « Où s'adresser ? » (PivotLocal). Real DILA fiches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector, type Fetcher } from '../../../connectors/index.js';
import { validateAgainst, type ItemInput } from '../../../schemas/index.js';
import { makeSource, readFixture } from '../helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function mapFiche(id: string): Promise<ItemInput> {
  server.route(`/${id}.xml`, serve(readFixture(`comarquage/${id}.xml`), 'application/xml'));
  const result = await runConnector(makeSource('comarquage', `${server.origin}/${id}.xml`, { partnerId: 'dila' }), {
    fetcher,
  });
  const [item] = result.items;
  expect(item && validateAgainst('ItemInput', item)).toEqual([]);
  return item!;
}

describe('comarquage: where to act', () => {
  it('keeps the kinds of local office that can help (PivotLocal), and none when there is none', async () => {
    expect((await mapFiche('F1433')).localOffices).toEqual(['mairie']);
    expect((await mapFiche('F17847')).localOffices).toEqual(['adil']);
    expect((await mapFiche('F13240')).localOffices).toBeUndefined();
  });

  it("keeps the fiche's online services as links the registry reads", async () => {
    expect((await mapFiche('F1433')).links?.services).toEqual([
      {
        title: 'Déclaration de concubinage',
        url: 'https://www.service-public.fr/simulateur/calcul/Concubinage',
        kind: 'Modèle de document',
      },
    ]);
  });
});
