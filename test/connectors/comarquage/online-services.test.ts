/**
 * What a fiche says about where to act: its « Services en ligne et formulaires » become
 * structured links on the item (for the registry), and its « Où s'adresser ? » local
 * office kinds (PivotLocal) are kept for « Qui peut m'aider ? ». Real DILA fiches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector, type Fetcher } from '../../../connectors/index.js';
import { parseFiche } from '../../../connectors/comarquage/index.js';
import { finalizeItem } from '../../../connectors/shared/index.js';
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

describe('comarquage: online services and local offices', () => {
  it("keeps a fiche's « Services en ligne et formulaires » as structured links", async () => {
    const item = await mapFiche('F13240');
    expect(item.onlineServices).toEqual([
      {
        url: 'https://candidat.pole-emploi.fr/candidat/espacepersonnel/authentification',
        title: 'Pôle emploi : espace personnel',
        kind: 'Téléservice',
        ref: 'R10665',
        provider: 'Pôle emploi',
      },
    ]);
    // The links are still in the body, where readers have them.
    expect(item.content).toContain('<h2>Services en ligne et formulaires</h2>');
  });

  it('keeps the kinds of local office that can help (PivotLocal), and none when there is none', async () => {
    expect((await mapFiche('F1433')).localOffices).toEqual(['mairie']);
    expect((await mapFiche('F17847')).localOffices).toEqual(['adil']);
    expect((await mapFiche('F13240')).localOffices).toBeUndefined();
  });

  it('makes a téléservice (R…) point to its own service, named without its kind', async () => {
    const item = await mapFiche('R14213');
    expect(item.onlineServices).toEqual([
      {
        url: 'https://www.laposte.fr/demenagement-absence',
        title: 'Faire suivre son courrier en cas de déménagement',
        kind: 'Téléservice',
        ref: 'R14213',
        provider: 'La Poste',
      },
    ]);
  });

  it('reads every ServiceEnLigne; finalization keeps http(s) links only, one per address', () => {
    const xml = `<Publication ID="F1" spUrl="https://www.service-public.fr/particuliers/vosdroits/F1"><dc:title>Test</dc:title>
      <ServiceEnLigne ID="R1" URL="javascript:alert(1)" type="Téléservice"><Titre>Piège</Titre></ServiceEnLigne>
      <ServiceEnLigne ID="R2" URL="https://exemple.gouv.fr/a?utm_source=x" type="Formulaire"><Titre>Formulaire A</Titre></ServiceEnLigne>
      <ServiceEnLigne ID="R3" URL="https://exemple.gouv.fr/a" type="Formulaire"><Titre>Formulaire A bis</Titre></ServiceEnLigne>
      <ServiceEnLigne ID="R4" type="Simulateur"><Titre>Simulateur sans adresse</Titre></ServiceEnLigne>
      <ServiceEnLigne ID="R5" URL="https://exemple.gouv.fr/sans-titre"/>
    </Publication>`;
    const fiche = parseFiche(xml, 'F1.xml');
    expect(fiche.onlineServices.map((s) => s.ref)).toEqual(['R1', 'R2', 'R3', 'R4']);
    const outcome = finalizeItem(
      {
        guid: 'F1',
        url: 'https://www.service-public.fr/particuliers/vosdroits/F1',
        title: 'Test',
        onlineServices: fiche.onlineServices,
      },
      makeSource('comarquage', 'https://example.org/F1.xml'),
    );
    expect('item' in outcome && outcome.item.onlineServices?.map((s) => [s.ref, s.url])).toEqual([
      ['R2', 'https://exemple.gouv.fr/a'],
      ['R4', 'https://www.service-public.fr/particuliers/vosdroits/R4'],
    ]);
  });
});
