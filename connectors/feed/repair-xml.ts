/**
 * Mends the well-formedness slips partner CMSs commonly make, so one stray character does
 * not lose a whole feed: a bare "&", HTML entities XML does not define (&nbsp; &eacute;),
 * and control characters XML 1.0 forbids (§2.2). Anything worse stays malformed.
 */
import sanitizeHtml from 'sanitize-html';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// C0 controls except tab, LF, CR; and the two non-characters XML excludes.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const AMPERSAND = /&(?:(#\d{1,8}|#x[0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});)?/g;
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

const htmlEntityCache = new Map<string, string | undefined>();

/** Repairs common XML slips outside CDATA sections (CDATA only loses forbidden characters). */
export function repairXml(xml: string): string {
  return xml
    .replace(FORBIDDEN_CHARS, '')
    .split(CDATA)
    .map((part) => (part.startsWith('<![CDATA[') ? part : part.replace(AMPERSAND, repairReference)))
    .join('');
}

function repairReference(match: string, reference: string | undefined): string {
  if (!reference) return '&amp;';
  if (reference.startsWith('#')) return isXmlChar(parseCharRef(reference)) ? match : '';
  if (XML_ENTITIES.has(reference)) return match;
  const decoded = decodeHtmlEntity(reference);
  if (decoded === undefined) return `&amp;${reference};`;
  return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
}

function parseCharRef(reference: string): number {
  return reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : Number(reference.slice(1));
}

function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) return false;
  return code <= 0x10ffff;
}

/** Decodes one HTML named entity with the HTML parser sanitize-html already carries. */
function decodeHtmlEntity(name: string): string | undefined {
  if (htmlEntityCache.has(name)) return htmlEntityCache.get(name);
  const out = sanitizeHtml(`&${name};`, { allowedTags: [], allowedAttributes: {} });
  // Unknown names come back re-escaped as "&amp;name;"; known ones as their character(s).
  const decoded =
    out === `&amp;${name};` || out === ''
      ? undefined
      : out.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  htmlEntityCache.set(name, decoded);
  return decoded;
}
