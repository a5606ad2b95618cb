/**
 * Decoding and resizing with sharp (libvips, off the event loop in libuv's thread pool),
 * bounded: at most MAX_PIXELS decoded (a "dimension bomb" of a few KB declaring 50,000 ×
 * 50,000 pixels is refused before it is decoded), at most PROCESSING_SLOTS images at once
 * in a process, and formats chosen by what the browser accepts.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';

/** Largest decoded image, in pixels (about 8,000 × 5,000). */
export const MAX_PIXELS = 40_000_000;
/** The master copy kept of each image: enough for the largest served width. */
export const MASTER_WIDTH = 1600;
/** Images decoded or encoded at once by one process (the thread pool also serves DNS and files). */
const PROCESSING_SLOTS = 2;

export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Raster formats taken from partners; SVG (a document, with its own risks) is not. */
const INPUT_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/** Thrown for bytes that are not an image the hub serves, or too large an image. */
export class ImageRefused extends Error {
  override readonly name = 'ImageRefused';
}

let active = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (active >= PROCESSING_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  active += 1;
  try {
    return await work();
  } finally {
    active -= 1;
    waiting.shift()?.();
  }
}

/** Hash used for ETags and to tell a changed image: sha256, base64url, 22 characters. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/** The master copy of fetched bytes: WebP, at most MASTER_WIDTH wide, oriented, without metadata. */
export async function makeMaster(bytes: Uint8Array): Promise<{ data: Buffer; alpha: boolean }> {
  return limited(async () => {
    let metadata: Metadata;
    try {
      metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    } catch {
      throw new ImageRefused('images: not an image');
    }
    if (!INPUT_FORMATS.has(metadata.format ?? '')) throw new ImageRefused(`images: format ${metadata.format} refused`);
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_PIXELS)
      throw new ImageRefused(`images: ${metadata.width} × ${metadata.height} pixels is too large`);
    try {
      const data = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: MASTER_WIDTH, withoutEnlargement: true })
        .webp({ quality: 90, alphaQuality: 90 })
        .toBuffer();
      return { data, alpha: metadata.hasAlpha === true };
    } catch {
      throw new ImageRefused('images: the image cannot be decoded');
    }
  });
}

/** A variant of a master: `width` wide at most, in `format`. */
export async function makeVariant(master: Buffer, width: number, format: ImageFormat): Promise<Buffer> {
  return limited(() => {
    const image = sharp(master, { limitInputPixels: MAX_PIXELS }).resize({ width, withoutEnlargement: true });
    // Quick AVIF encoding (effort 2): measured 0.45 s for 1280 px on the project's machine, effort 4 took 3.7 s.
    if (format === 'avif') return image.avif({ quality: 50, effort: 2 }).toBuffer();
    if (format === 'webp') return image.webp({ quality: 75 }).toBuffer();
    if (format === 'png') return image.png({ compressionLevel: 9, palette: true }).toBuffer();
    return image.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  });
}

/** The best format the browser accepts (Accept): AVIF, else WebP, else PNG for transparency or JPEG. */
export function negotiateFormat(accept: string | undefined, alpha: boolean): ImageFormat {
  const accepted = (accept ?? '').toLowerCase();
  if (/\bimage\/avif\b/.test(accepted)) return 'avif';
  if (/\bimage\/webp\b/.test(accepted)) return 'webp';
  return alpha ? 'png' : 'jpeg';
}
