/** Plain text out of sanitized HTML, for indexing and snippets (one htmlToText on the server: connectors/text). */
export { htmlToText } from '../../../connectors/text/index.js';

/** Cuts text to at most `max` characters at a word boundary, adding `…` when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max * 0.6 ? cut : max - 1).trimEnd()}…`;
}
