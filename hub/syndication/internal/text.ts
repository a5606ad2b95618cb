/** Text hygiene shared by every renderer: what XML 1.0 forbids, and how to escape the rest. */

/**
 * Characters outside the XML 1.0 Char production (§2.2): C0 controls but tab, LF and CR,
 * lone surrogates, U+FFFE and U+FFFF. Pairs of surrogates (emoji, astral scripts) are kept.
 */
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 cannot carry, so one hostile byte cannot break a feed. */
export function cleanText(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, '');
}

/** cleanText on one line: titles, names and terms, whose line breaks are accidents. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for both XML element content and double-quoted attribute values. */
export function escapeXml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Plain text made into HTML that shows the same text (RSS <description> is read as HTML). */
export function escapeHtmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => XML_ENTITIES[c] ?? c);
}

/** The URL normalized by WHATWG rules (which percent-encodes < > " and spaces), or undefined. */
export function toHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** feed parses URLs with new URL() and throws a bare TypeError; this says which one is wrong. */
export function requireUrl(value: string, name: string): string {
  const url = toHttpUrl(value);
  if (!url) throw new Error(`syndication: meta.${name} is not an http(s) URL: ${value}`);
  return url;
}

/** A URL template with {partnerId} filled in (percent-encoded), or undefined without a template. */
export function fillPartnerTemplate(template: string | undefined, partnerId: string): string | undefined {
  return template?.replaceAll('{partnerId}', encodeURIComponent(partnerId));
}
