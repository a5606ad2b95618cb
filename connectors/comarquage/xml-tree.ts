/** A small ordered XML tree (mixed content matters in fiches), read with fast-xml-parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConnectorError } from '../shared/index.js';

/** An element; children keep document order, text as strings. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false, // "déduire <Valeur>66 %</Valeur> des" keeps its spaces
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses an XML document and returns its root element; malformed XML is bad_format. */
export function parseXmlTree(xml: string, where: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new ConnectorError('bad_format', `comarquage: malformed XML in ${where} (line ${line}): ${msg}`);
  }
  const root = (parser.parse(xml) as OrderedNode[]).map(toNode).find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new ConnectorError('bad_format', `comarquage: no root element in ${where}`);
  return root;
}

function toNode(node: OrderedNode): XmlNode {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return String(node['#text'] ?? '');
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attrs[key] = String(value);
  const children = ((node[name] as OrderedNode[] | undefined) ?? []).map(toNode);
  return { name, attrs, children };
}

/** Child elements, all or of one name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** The first child element of a name. */
export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? childElements(element, name)[0] : undefined;
}

/** All text inside an element, in order, whitespace collapsed. */
export function textContent(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(textContent).join(' ').replace(/\s+/g, ' ').trim();
}
