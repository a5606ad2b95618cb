/**
 * Rendered pages kept in memory under their ETag. A page sent with an ETag promises that
 * its body is a function of the validator (data version, address, stylesheets, and what
 * else the route mixes in: the chosen commune, the day or the minute) — that is what makes
 * a 304 right — so the same promise lets the compressed bytes be served again to the next
 * visitor without rendering. Bounded in bytes, least recently used out first; per process,
 * so every hub keeps its own.
 */
export interface CachedPage {
  body: Buffer;
  encoding: string;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map order is insertion order: moved to the end, it is the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedPage): void {
    if (entry.body.length > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, page] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= page.body.length;
    }
  }
}

/** The pages of this process: 32 MiB, a few thousand compressed pages. */
export const renderedPages = new PageCache(32 * 1024 * 1024);
