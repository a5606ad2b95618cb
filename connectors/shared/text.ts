/** Plain-text helpers: HTML to text, whitespace, cutting at a word, slugs. */
import sanitizeHtml from 'sanitize-html';

// Tags after which a reader sees a break: replaced by a space so words do not run together.
const BLOCK_TAG =
  /<\/?(p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|section|article|aside|header|footer|blockquote|pre|figure|figcaption)\b[^>]*>/gi;

/** Turns an HTML fragment (or text with entities) into plain text, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const stripped = sanitizeHtml(html.replace(BLOCK_TAG, ' $& '), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  });
  return collapseWhitespace(decodeEscapes(stripped));
}

/** sanitize-html re-escapes only these four when it writes text. */
function decodeEscapes(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot);/g,
    (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '',
  );
}

/** Collapses runs of whitespace (including no-break spaces) to one space, and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Cuts plain text to at most max characters, at a word boundary, ending with "…". */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // A single very long word is cut where it must be rather than dropped.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/** Turns a label into a slug: "Santé & social" → "sante-social" (at most 64 characters). */
export function slugify(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}
