/**
 * Items' images through the hub (`/images/<key>/<width>`): resized, in AVIF or WebP where
 * the browser takes them, and never loaded from the partner's host (a widget makes no
 * request to a third party). An image without a key is not shown.
 */

/** Widths the hub serves, as hub/images IMAGE_WIDTHS. */
const WIDTHS = [320, 480, 640, 960, 1280];

/** src, srcset and sizes (the layout width, as the sizes attribute) of an item's image on the hub, or undefined. */
export function imageAttributes(
  hub: string,
  image: { key?: string } | undefined,
  sizes: string,
): { src: string; srcset: string; sizes: string } | undefined {
  if (!image?.key) return undefined;
  const base = `${hub.replace(/\/$/, '')}/images/${encodeURIComponent(image.key)}`;
  return {
    src: `${base}/640`,
    srcset: WIDTHS.map((w) => `${base}/${w} ${w}w`).join(', '),
    sizes,
  };
}
