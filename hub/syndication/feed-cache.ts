/**
 * Rendered feeds kept until their data changes: a feed is rendered and hashed once per
 * (format + normalized query, data version), not once per request. A bounded LRU, so that
 * a crawler walking every filter combination cannot grow it without limit.
 */
import { createHash } from 'node:crypto';

/** What a render gives the cache. */
export interface CacheableDocument {
  body: string;
  /** The document's own date (newest item's), for Last-Modified. */
  updated: Date;
  contentType: string;
}

/** What a route sends: the body with its validators. */
export interface CachedDocument {
  body: string;
  contentType: string;
  /** Strong ETag: the quoted base64url SHA-256 of the body. */
  etag: string;
  /** The document's date as an HTTP-date, never later than the moment it was rendered (RFC 9110 §8.8.2.1). */
  lastModified: string;
  lastModifiedDate: Date;
  /** Data version it was rendered from. */
  version: string;
}

export interface FeedCacheOptions {
  /** Entries kept, least recently used evicted first. Default 200. */
  maxEntries?: number;
  /** Clock, for Last-Modified clamping. Default: the system clock. */
  now?: () => Date;
}

interface Slot {
  version: string;
  document: Promise<CachedDocument>;
}

/** A rendered-feed cache; see getOrRender. */
export class FeedCache {
  private readonly slots = new Map<string, Slot>();
  private readonly maxEntries: number;
  private readonly now: () => Date;

  constructor(options: FeedCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 200);
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The cached document for key at version, rendering it when absent or older. Concurrent
   * callers share one render; a failed render is not kept.
   */
  getOrRender(
    key: string,
    version: string,
    render: () => CacheableDocument | Promise<CacheableDocument>,
  ): Promise<CachedDocument> {
    const slot = this.slots.get(key);
    this.slots.delete(key);
    if (slot && slot.version === version) {
      this.slots.set(key, slot);
      return slot.document;
    }
    const document = Promise.resolve()
      .then(render)
      .then((doc) => toCachedDocument(doc, version, this.now()));
    const fresh: Slot = { version, document };
    this.slots.set(key, fresh);
    document.catch(() => {
      if (this.slots.get(key) === fresh) this.slots.delete(key);
    });
    this.evict();
    return document;
  }

  /** Number of entries held. */
  get size(): number {
    return this.slots.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.slots.clear();
  }

  private evict(): void {
    while (this.slots.size > this.maxEntries) {
      const oldest = this.slots.keys().next().value as string;
      this.slots.delete(oldest);
    }
  }
}

/** Adds the validators to a rendered document. */
export function toCachedDocument(doc: CacheableDocument, version: string, now: Date): CachedDocument {
  const etag = `"${createHash('sha256').update(doc.body).digest('base64url')}"`;
  const lastModifiedDate = new Date(Math.min(doc.updated.getTime(), now.getTime()));
  return {
    body: doc.body,
    contentType: doc.contentType,
    etag,
    lastModified: lastModifiedDate.toUTCString(),
    lastModifiedDate,
    version,
  };
}

/**
 * A query as a canonical string: keys sorted, values of a repeated key sorted (filters are
 * sets), empty values dropped. The same listing gets one cache key and one self URL.
 */
export function normalizeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const raw = query[key];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
    for (const value of [...new Set(values)].sort()) params.append(key, value);
  }
  return params.toString();
}
