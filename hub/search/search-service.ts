/**
 * Holds the current search index and replaces it as a whole. A swap is one pointer
 * assignment on the main thread, between two synchronous searches: a search runs entirely
 * on the index it started with and no search ever sees a half-built index. Rebuilds are
 * debounced (a burst of ingested items costs one build), run in a worker thread, and
 * coalesce: a request during a build schedules exactly one more build after it.
 */
import { buildInWorker } from './build-in-worker.js';
import { getShippedThesaurus, searchItems } from './search-items.js';
import { searchLayered, suggestLayered, type Overlay } from './search-layered.js';
import { loadSearchIndexAsync } from './serialize.js';
import { suggest, type SuggestResult } from './suggest.js';
import type { Thesaurus } from './thesaurus/index.js';
import type { IndexableItem, PartnerMap, SearchIndex, SearchParams, SearchResult } from './types.js';

export interface SearchCorpus {
  items: readonly IndexableItem[];
  partners: PartnerMap;
  /** Where in the items' change log the data was read (handed back to overlayFor and onSwap). */
  position?: number;
}

export interface SearchServiceOptions {
  /** Reads every item (withdrawn ones are skipped) and partner, e.g. from MongoDB. */
  loadAll: () => Promise<SearchCorpus>;
  /** Quiet time before a scheduled rebuild starts. Default 2000 ms. */
  debounceMs?: number;
  /** Longest a scheduled rebuild waits while changes keep coming. Default 30000 ms. */
  maxWaitMs?: number;
  /** Builds a serialized index. Default: `buildInWorker`. */
  build?: (items: readonly IndexableItem[], partners: PartnerMap) => Promise<Buffer>;
  /** Called after each swap, e.g. to store the serialized index for other hub processes. */
  onSwap?: (index: SearchIndex, serialized: Buffer, position?: number) => void | Promise<void>;
  /** The changes to lay over a full index as it is swapped in (search-layered.ts), or null. */
  overlayFor?: (index: SearchIndex, position?: number) => Overlay | null;
  /** Receives the errors of scheduled rebuilds (which have no caller). Default: ignored. */
  onError?: (error: unknown) => void;
}

/** Thrown by search() and suggest() before the first index is loaded. */
export class SearchNotReadyError extends Error {
  constructor() {
    super('search: index not ready');
  }
}

/** The process-wide holder of the search index. */
export class SearchService {
  /** The full index and the changes laid over it, replaced together in one assignment. */
  private current: { index: SearchIndex; overlay: Overlay | null } | null = null;
  private thesaurus: Thesaurus = getShippedThesaurus();
  private timer: NodeJS.Timeout | null = null;
  private firstScheduledAt = 0;
  private running: Promise<void> | null = null;
  private pending = false;
  private closed = false;

  constructor(private readonly options: SearchServiceOptions) {}

  /** True once an index is loaded. */
  isReady(): boolean {
    return this.current !== null;
  }

  /**
   * The current full index (a consistent snapshot: keep it to run several queries on one
   * index). Without the changes laid over it since its build: search() and suggest() have them.
   */
  getIndex(): SearchIndex | null {
    return this.current?.index ?? null;
  }

  /** The changes laid over the current full index, if any. */
  getOverlay(): Overlay | null {
    return this.current?.overlay ?? null;
  }

  /** Lays changes over `base` (or none); false when `base` is no longer the current full index. */
  setOverlay(base: SearchIndex, overlay: Overlay | null): boolean {
    if (this.current?.index !== base) return false;
    this.current = { index: base, overlay };
    return true;
  }

  /** Searches the current index and the changes laid over it, expanding queries with the current thesaurus. */
  search(params: SearchParams): SearchResult {
    const { index, overlay } = this.requireCurrent();
    return overlay ? searchLayered(index, overlay, params, this.thesaurus) : searchItems(index, params, this.thesaurus);
  }

  /** Replaces the synonyms and derivations queries are expanded with: the next search uses them. */
  setThesaurus(thesaurus: Thesaurus): void {
    this.thesaurus = thesaurus;
  }

  /** Completions from the current index. */
  suggest(q: string, limit?: number): SuggestResult {
    const { index, overlay } = this.requireCurrent();
    return overlay ? suggestLayered(index, overlay, q, limit) : suggest(index, q, limit);
  }

  /**
   * Loads a serialized index (e.g. stored by another process) and swaps it in, with the
   * changes `overlayFor` lays over it; `position`: where in the change log its data was read.
   */
  async load(serialized: Buffer | Uint8Array, position?: number): Promise<SearchIndex> {
    const next = await loadSearchIndexAsync(serialized);
    this.current = { index: next, overlay: this.options.overlayFor?.(next, position) ?? null };
    return next;
  }

  /** Asks for a rebuild soon: debounced, and at most one build at a time. */
  scheduleRebuild(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.timer) this.firstScheduledAt = now;
    else clearTimeout(this.timer);
    const maxWait = this.options.maxWaitMs ?? 30_000;
    const wait = Math.max(0, Math.min(this.options.debounceMs ?? 2000, this.firstScheduledAt + maxWait - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.rebuildNow().catch((err: unknown) => this.options.onError?.(err));
    }, wait);
    this.timer.unref();
  }

  /** Rebuilds now; during a running build, queues one more and resolves when it is done. */
  rebuildNow(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = this.runBuilds().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Cancels a scheduled rebuild; a running one finishes (and is still swapped in). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async runBuilds(): Promise<void> {
    let failure: unknown = null;
    do {
      this.pending = false;
      try {
        await this.buildAndSwap();
        failure = null;
      } catch (err) {
        failure = err;
      }
    } while (this.pending && !this.closed);
    if (failure) throw failure;
  }

  private async buildAndSwap(): Promise<void> {
    const { items, partners, position } = await this.options.loadAll();
    const build = this.options.build ?? buildInWorker;
    const serialized = await build(items, partners);
    const next = await this.load(serialized, position);
    await this.options.onSwap?.(next, serialized, position);
  }

  private requireCurrent(): { index: SearchIndex; overlay: Overlay | null } {
    if (!this.current) throw new SearchNotReadyError();
    return this.current;
  }
}
