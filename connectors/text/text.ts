/**
 * Plain text and HTML text, the one place on the server: HTML to text, escaping text for
 * HTML, whitespace, cutting at a word, slugs. Light on purpose (htmlparser2 only): the
 * search index worker loads it without the rest of the connectors.
 */
import { Parser } from 'htmlparser2';

// Tags after which a reader sees a break: a space, so words do not run together.
const BLOCK_TAGS = new Set(
  'p div br hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr td th table section article aside header footer blockquote pre figure figcaption'.split(
    ' ',
  ),
);
// Tags whose content is not text a reader sees.
const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'iframe',
  'object',
  'embed',
  'template',
]);

/** Turns an HTML fragment (or text with entities) into plain text, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (NON_TEXT_TAGS.has(name)) hidden += 1;
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      onclosetag(name) {
        if (NON_TEXT_TAGS.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (!hidden) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return collapseWhitespace(text);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
// direction marks (U+200E, U+200F, U+061C): invisible, and able to make a title or a name
// read backwards (« U+202E »). French public-service text has no use for them.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Zero-width space, non-joiner and joiner, word joiner, byte-order mark: invisible, they
// make two look-alike titles or pseudonyms differ.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Removes the invisible format characters (bidi controls, zero-width characters) from a
 * title, a name or a pseudonym. Comment bodies keep the few that carry meaning
 * (hub/interaction/comments/text.ts).
 */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');
}

/**
 * Collapses runs of whitespace (including no-break spaces) to one space, and trims. Plain
 * text from partners (titles, summaries, places…) goes through here, so the invisible
 * format characters go too.
 */
export function collapseWhitespace(text: string): string {
  return removeInvisibleCharacters(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
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
