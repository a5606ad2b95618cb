/**
 * The one door for raw markup into a page. Everything else is escaped by the renderer; this
 * file is for markup that is already safe: partner content sanitized by allow-list at
 * ingestion (connectors/shared/sanitize.ts), search snippets, which escape everything but
 * their <mark> highlights, and JSON-LD data blocks serialized here. ESLint forbids
 * `dangerouslySetInnerHTML` in every other file. Content images are served through the hub
 * (hub/images): a page makes no request to a partner's host.
 */
import { rewriteContentImages } from '../images/index.js';

export interface SanitizedHtmlProps {
  /** HTML sanitized before it reached the hub's database, or built escaped by the hub. */
  html: string;
  /** The wrapping element (default div). */
  as?: 'div' | 'span' | 'section';
  class?: string;
  id?: string;
}

/** Renders already-sanitized HTML inside a wrapper element, its images pointing to the hub. */
export function SanitizedHtml({ html, as: Tag = 'div', class: className, id }: SanitizedHtmlProps) {
  return <Tag class={className} id={id} dangerouslySetInnerHTML={{ __html: rewriteContentImages(html) }} />;
}

/**
 * JSON for a <script> data block: `<`, `>` and `&` as \u escapes (no `</script>` or
 * `<!--` can close or comment the element), and the line separators JavaScript once refused.
 */
export function serializeJsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * schema.org data as JSON-LD. A data block is never executed, so the pages' CSP (no inline
 * script) does not concern it; its text is escaped by serializeJsonForScript.
 */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonForScript(data) }} />;
}
