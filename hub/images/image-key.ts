/**
 * Addresses of images served by the hub: `/images/<key>/<width>`, where the key carries the
 * partner's image address and an HMAC of it under a secret kept in the database. The hub
 * fetches only addresses it signed itself (it is not an open proxy), and any hub process
 * understands a key another one made.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getServerSecret } from '../secrets/index.js';

/** The widths the hub resizes to: the widgets' cards and article, the portal's cards and pages (1× and 2×). */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

let secret: Buffer | undefined;

/** Loads the signing secret; the hub calls it at start, before any imageUrl. */
export async function prepareImageKeys(): Promise<void> {
  secret = Buffer.from(await getServerSecret('image-url'), 'base64url');
}

function sign(url: string): string {
  if (!secret) throw new Error('images: prepareImageKeys() must run before image addresses are made');
  return createHmac('sha256', secret).update(`image-url:${url}`).digest('base64url').slice(0, 22);
}

/** The key of a partner's image address (http or https). */
export function imageKey(url: string): string {
  return `${Buffer.from(url).toString('base64url')}.${sign(url)}`;
}

/** The address a key stands for, or undefined when it was not made by this hub. */
export function readImageKey(key: string): string | undefined {
  const [encoded = '', signature = '', extra] = key.split('.');
  if (!encoded || extra !== undefined || key.length > 3000) return undefined;
  const url = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!/^https?:\/\//.test(url)) return undefined;
  const expected = Buffer.from(sign(url));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? url : undefined;
}

/** True for an address of an image this hub serves (`…/images/<key>/<width>` with a key it signed). */
export function isHubImageUrl(src: string): boolean {
  const match = /\/images\/([^/?#]+)\/(\d+)$/.exec(src.split(/[?#]/)[0] ?? '');
  return match !== null && readImageKey(decodeURIComponent(match[1] ?? '')) !== undefined;
}

/** True for a width the hub serves. */
export function isImageWidth(width: number): width is ImageWidth {
  return (IMAGE_WIDTHS as readonly number[]).includes(width);
}

/**
 * The hub's address of a partner's image at a width (rounded up to a served width):
 * `/images/<key>/<width>`, relative to the hub, or absolute with `origin`.
 */
export function imageUrl(image: { url: string } | string, width: number, origin = ''): string {
  const url = typeof image === 'string' ? image : image.url;
  const served = IMAGE_WIDTHS.find((w) => w >= width) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
  return `${origin}/images/${imageKey(url)}/${served}`;
}

/** A srcset of the image at the served widths up to `max` (default 1280): `…/320 320w, …/640 640w, …`. */
export function imageSrcset(image: { url: string } | string, origin = '', max = 1280): string {
  const url = typeof image === 'string' ? image : image.url;
  const key = imageKey(url);
  return IMAGE_WIDTHS.filter((w) => w >= 320 && w <= max)
    .map((w) => `${origin}/images/${key}/${w} ${w}w`)
    .join(', ');
}

/** An item's image as the API gives it: the partner's fields, plus the key of its copy on the hub. */
export function withImageKey<T extends { url: string }>(image: T): T & { key: string } {
  return { ...image, key: imageKey(image.url) };
}
