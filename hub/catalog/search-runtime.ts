/**
 * Keeps this process's search index current: loads the stored index when it matches the
 * items' data version, else builds one (in a worker thread) and stores it; then rebuilds,
 * debounced, when this process ingests, and checks every 2 s whether another process
 * changed items. The process that made a change builds the new index and stores it; the
 * others load it (166 ms at 10,000 items) rather than each building their own (6 s), and
 * build it themselves only when it has not appeared within `waitForStoredMs` of the change
 * (its maker died, or the change came from a tool that does not build).
 */
import type { Logger } from '../log.js';
import { getItemsVersion, getItemsVersionInfo, listIndexableItems } from '../items/index.js';
import { SearchService, type IndexableItem } from '../search/index.js';
import { collapseStories } from '../stories/index.js';
import { recordIndexBuild, recordIndexUpdate } from '../metrics/index.js';
import { loadStoredIndex, saveStoredIndex } from './index-store.js';
import type { PartnerDirectory } from './partner-directory.js';

export interface SearchRuntimeOptions {
  log: Logger;
  partners: PartnerDirectory;
  /** How often to look for changes made by other processes. Default 2 s. */
  pollMs?: number;
  /** How long after another process's change to wait for its stored index before building. Default 90 s. */
  waitForStoredMs?: number;
  debounceMs?: number;
  /** Called after this process built a new index from changed items (e.g. WebSub ping). */
  onIndexChanged?: () => void;
  /** Called with the time its data was read, whenever a new index is in place. */
  onIndexLoaded?: (readAt: number) => void;
}

export interface SearchRuntime {
  service: SearchService;
  /** The data version of the loaded index. */
  version(): string;
  start(): Promise<void>;
  /** Called when this process changed items. */
  itemsChanged(): void;
  /** Rebuilds now and waits (tests, admin tools). */
  refresh(): Promise<void>;
  stop(): void;
}

/** Published items, each story once (hub/stories): the index never holds a story twice. */
async function loadPublishedItems(): Promise<IndexableItem[]> {
  return collapseStories(await listIndexableItems());
}

/** Creates the runtime; nothing happens before start(). */
export function createSearchRuntime(options: SearchRuntimeOptions): SearchRuntime {
  let loadedVersion = '';
  let buildingVersion = '';
  let catching = false;
  let readAt = 0;
  let buildStarted = 0;
  let timer: NodeJS.Timeout | undefined;
  const service = new SearchService({
    debounceMs: options.debounceMs ?? 1000,
    loadAll: async () => {
      buildStarted = performance.now();
      buildingVersion = await getItemsVersion();
      readAt = Date.now();
      const [items, partners] = await Promise.all([loadPublishedItems(), options.partners.get()]);
      return { items, partners };
    },
    onSwap: async (_index, serialized) => {
      loadedVersion = buildingVersion;
      recordIndexBuild((performance.now() - buildStarted) / 1000, serialized.length);
      options.onIndexLoaded?.(readAt);
      await saveStoredIndex(buildingVersion, serialized);
      options.onIndexChanged?.();
      options.log.info({ version: loadedVersion, bytes: serialized.length }, 'search: index built and stored');
    },
    onError: (err) => options.log.error({ err }, 'search: rebuild failed'),
  });

  /** Loads a stored index; one written by another version of the hub is rebuilt instead. */
  async function loadStored(serialized: Buffer): Promise<boolean> {
    try {
      await service.load(serialized);
      return true;
    } catch (err) {
      options.log.warn({ err }, 'search: stored index unreadable, rebuilding');
      return false;
    }
  }

  async function catchUp(): Promise<void> {
    // One catch-up at a time: a long build must not pile up loads of the stored index.
    if (catching) return;
    catching = true;
    try {
      const { version: current, changedAt } = await getItemsVersionInfo();
      if (current === loadedVersion) return;
      const readAt = Date.now();
      const stored = await loadStoredIndex();
      if (stored && stored.version === current && (await loadStored(stored.serialized))) {
        loadedVersion = stored.version;
        recordIndexUpdate('stored', stored.serialized.length);
        // The change may be a partner edit: names and kinds in listings and feeds follow.
        await options.partners.reload();
        options.onIndexLoaded?.(readAt);
        options.log.info({ version: current, lagMs: readAt - changedAt.getTime() }, 'search: stored index loaded');
      } else if (!loadedVersion || readAt - changedAt.getTime() > (options.waitForStoredMs ?? 90_000)) {
        await service.rebuildNow();
      }
    } finally {
      catching = false;
    }
  }

  return {
    service,
    version: () => loadedVersion,
    async start() {
      await options.partners.reload();
      await catchUp();
      timer = setInterval(() => {
        catchUp().catch((err: unknown) => options.log.error({ err }, 'search: catch-up failed'));
      }, options.pollMs ?? 2000);
      timer.unref();
    },
    itemsChanged: () => service.scheduleRebuild(),
    refresh: () => service.rebuildNow(),
    stop() {
      if (timer) clearInterval(timer);
      service.close();
    },
  };
}
