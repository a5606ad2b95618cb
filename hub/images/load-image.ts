/**
 * One served image: its variant from the cache, else made from the master copy, else the
 * partner's image fetched — with the connectors' fetcher, so with its address guard, size
 * cap and timeouts — at most once per change: the master is kept, rechecked with a
 * conditional GET after REVALIDATE_MS, and variants are dropped when it changed. A failure
 * is remembered for RETRY_FAILED_MS so that a broken image is not fetched at every view.
 */
import { createHash } from 'node:crypto';
import { isConnectorError, type Fetcher } from '../../connectors/index.js';
import {
  deleteImagesCheckedBefore,
  dropImageVariants,
  findImageSource,
  findImageVariant,
  saveImageSource,
  saveImageVariant,
  touchImageSource,
  type ImageSourceDoc,
  type ImageVariantDoc,
} from './image-store.js';
import {
  CONTENT_TYPES,
  hashBytes,
  ImageRefused,
  makeMaster,
  makeVariant,
  negotiateFormat,
} from './image-processing.js';

/** How long a fetched image is served before the partner's server is asked whether it changed. */
export const REVALIDATE_MS = 7 * 24 * 3600_000;
/** How long a failed image is not fetched again. */
export const RETRY_FAILED_MS = 3600_000;
/** An image not viewed for this long is forgotten (fetched again if it is ever viewed). */
export const UNUSED_IMAGE_MS = 30 * 24 * 3600_000;
/** Largest image accepted from a partner, after decompression. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** Failures that say nothing about the image itself. */
const TRANSIENT = new Set(['timeout', 'dns', 'connection', 'tls', 'http_429', 'http_5xx']);

const ACCEPT = 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.9, */*;q=0.1';

export interface ImageRequest {
  url: string;
  width: number;
  /** The browser's Accept header. */
  accept: string | undefined;
}

/** Fetches of one image in progress in this process: concurrent views share one. */
const inFlight = new Map<string, Promise<ImageSourceDoc>>();

function sourceId(url: string): string {
  return createHash('sha256').update(url).digest('base64url');
}

async function fetchSource(fetcher: Fetcher, url: string, known: ImageSourceDoc | undefined): Promise<ImageSourceDoc> {
  const now = new Date();
  const id = sourceId(url);
  try {
    const conditional = known?.status === 'ok' ? { etag: known.etag, lastModified: known.lastModified } : {};
    const response = await fetcher.fetch({ url, accept: ACCEPT, maxBytes: IMAGE_MAX_BYTES, ...conditional });
    if (response.notModified && known?.status === 'ok') {
      await touchImageSource(id, now);
      return { ...known, checkedAt: now };
    }
    const { data, alpha } = await makeMaster(response.body);
    const doc: ImageSourceDoc = {
      _id: id,
      url,
      status: 'ok',
      master: data,
      masterHash: hashBytes(data),
      alpha,
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
      checkedAt: now,
    };
    await saveImageSource(doc);
    if (known?.masterHash && known.masterHash !== doc.masterHash) await dropImageVariants(id);
    return doc;
  } catch (err) {
    if (!isConnectorError(err) && !(err instanceof ImageRefused)) throw err;
    const failure = isConnectorError(err) ? err.code : 'bad_format';
    // The partner's server is down while rechecking: keep serving the copy, ask again later.
    if (known?.status === 'ok' && TRANSIENT.has(failure)) {
      const retryAt = new Date(now.getTime() - REVALIDATE_MS + RETRY_FAILED_MS);
      await touchImageSource(id, retryAt);
      return { ...known, checkedAt: retryAt };
    }
    const doc: ImageSourceDoc = { _id: id, url, status: 'failed', failure, checkedAt: now };
    await saveImageSource(doc);
    if (known?.masterHash) await dropImageVariants(id);
    return doc;
  }
}

function isStale(doc: ImageSourceDoc, now: number): boolean {
  const age = now - doc.checkedAt.getTime();
  return doc.status === 'ok' ? age > REVALIDATE_MS : age > RETRY_FAILED_MS;
}

/** The image's master, fetched or rechecked when due; concurrent callers share one fetch. */
async function loadSource(fetcher: Fetcher, url: string): Promise<ImageSourceDoc> {
  const id = sourceId(url);
  const known = await findImageSource(id);
  if (known && !isStale(known, Date.now())) return known;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = fetchSource(fetcher, url, known).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}

/** The variant to send, or undefined when the image cannot be served (not fetched, not an image, too large). */
export async function loadImage(fetcher: Fetcher, request: ImageRequest): Promise<ImageVariantDoc | undefined> {
  const source = await loadSource(fetcher, request.url);
  if (source.status !== 'ok' || !source.master || !source.masterHash) return undefined;
  const format = negotiateFormat(request.accept, source.alpha === true);
  const id = `${source._id}:${request.width}:${format}`;
  const cached = await findImageVariant(id);
  if (cached?.masterHash === source.masterHash) return cached;
  const data = await makeVariant(source.master, request.width, format);
  const variant: ImageVariantDoc = {
    _id: id,
    source: source._id,
    masterHash: source.masterHash,
    contentType: CONTENT_TYPES[format],
    data,
    etag: `"${hashBytes(data)}"`,
    createdAt: new Date(),
  };
  if (cached) await dropImageVariants(source._id);
  await saveImageVariant(variant);
  return variant;
}

/**
 * Forgets images nobody viewed for UNUSED_IMAGE_MS, so that the cache follows what is
 * shown. A viewed image is rechecked at least every REVALIDATE_MS (a failed one every
 * RETRY_FAILED_MS), which moves its checkedAt: one checked longer ago than both was not
 * viewed since. Idempotent deletes: every hub process may run it. Returns how many.
 */
export function purgeUnusedImages(now: Date): Promise<number> {
  return deleteImagesCheckedBefore(new Date(now.getTime() - REVALIDATE_MS - UNUSED_IMAGE_MS));
}
