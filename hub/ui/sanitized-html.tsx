/**
 * The one door for raw HTML into a page. Everything else is escaped by the renderer; this
 * component is for HTML that is already safe: partner content sanitized by allow-list at
 * ingestion (connectors/shared/sanitize.ts), or search snippets, which escape everything
 * but their <mark> highlights. ESLint forbids `dangerouslySetInnerHTML` in every other file.
 * Its images are served through the hub (hub/images): a page makes no request to a partner's host.
 */
import { rewriteContentImages } from '../images/index.js';

export interface SanitizedHtmlProps {
  /** HTML sanitized before it reached the hub's database, or built escaped by the hub. */
  html: string;
  /** The wrapping element (default div). */
  as?: 'div' | 'span' | 'section';
  class?: string;
}

/** Renders already-sanitized HTML inside a wrapper element, its images pointing to the hub. */
export function SanitizedHtml({ html, as: Tag = 'div', class: className }: SanitizedHtmlProps) {
  return <Tag class={className} dangerouslySetInnerHTML={{ __html: rewriteContentImages(html) }} />;
}
