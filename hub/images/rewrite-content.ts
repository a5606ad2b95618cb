/**
 * Partner content served with its images through the hub: every <img src> of sanitized
 * content becomes the hub's address (with a srcset of the served widths), so that a page
 * showing it makes no request to the partner's host. Done when content is served, not when
 * it is stored: stored content stays the partner's, and the hub's address may change.
 */
import sanitizeHtml from 'sanitize-html';
import { imageSrcset, imageUrl, isHubImageUrl } from './image-key.js';

/** The width the layouts give content images at most (the article column), in CSS pixels. */
const CONTENT_WIDTH = 640;
const SIZES = `(max-width: ${CONTENT_WIDTH}px) 100vw, ${CONTENT_WIDTH}px`;

/**
 * Rewrites the images of already-sanitized HTML to the hub's addresses (absolute with
 * `origin`). Only <img> changes; everything else is written back as it was. Idempotent:
 * images already on the hub are left alone.
 */
export function rewriteContentImages(html: string, origin = ''): string {
  if (!/<img\b/i.test(html)) return html;
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true, // the input was sanitized at ingestion; nothing is added but img attributes
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        // Stored content has absolute http(s) images only (sanitized at ingestion); the hub's own are done.
        if (!/^https?:\/\//i.test(src) || isHubImageUrl(src)) return { tagName, attribs };
        return {
          tagName,
          attribs: {
            ...attribs,
            src: imageUrl(src, CONTENT_WIDTH, origin),
            srcset: imageSrcset(src, origin),
            sizes: SIZES,
            loading: 'lazy',
            decoding: 'async',
          },
        };
      },
    },
  });
}
