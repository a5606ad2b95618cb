/**
 * Keeps this process's search index current, whatever hub process changed the items:
 * - a full index, built in a worker thread and stored in MongoDB (index-store.ts), which
 *   the other processes load (166 ms at 10,000 items) rather than each building its own;
 * - the items' change log (hub/items change-log.ts), looked at every second (one read by
 *   `_id` of the items' version, then the new entries by `_id`): the items it names are
 *   indexed in a small delta laid over the full index (hub/search search-layered.ts) —
 *   milliseconds for a few items, where a full build takes 6 s at 10,000 items and 29 s at
 *   50,000 (the delta itself: search-delta.ts). A small batch's entry carries its new items and withdrawals: laid over as they
 *   are, when no later write of them can be missed (hub/search internal/carried-states.ts);
 *   the other items are read back by `_id` (on FerretDB 1.24 a scan until it meets the
 *   document: ~7 s for the newest of 50,000);
 * - a partner edit names the partner in the log: each process reloads its partners and lays
 *   over the index again the items of that partner its index holds (their text and facets
 *   carry its name, kind and territory), found in the index itself and derived again from
 *   what it holds (hub/search internal/relay.ts): no item is read back (on FerretDB 1.24 the
 *   query by partner scans every item, 6.7 s at 10,000);
 * - a new full build only when the delta passes `deltaMax` items, when a change touched
 *   items nobody listed (a crashed run, a deleted source, a partner of more than `relayMax`
 *   items), or when this process is so far behind that the log was pruned. One hub builds (a claim inserted
 *   under a unique id), stores the index and writes a log entry saying so; the others load
 *   it and keep laying over it only the changes after it. They build themselves when it has
 *   not appeared `waitForStoredMs` after they wanted it (the builder died).
 */
import type { Logger } from '../log.js';
import {
  bumpItemsVersion,
  findItemChangesHead,
  getItemsVersionInfo,
  listIndexableItems,
  pruneItemChanges,
  readItemChanges,
} from '../items/index.js';
import { SearchService, type IndexableItem } from '../search/index.js';
import { collapseStories } from '../stories/index.js';
import { recordIndexBuild, recordIndexUpdate } from '../metrics/index.js';
import { claimIndexBuild, loadStoredIndex, saveStoredIndex } from './index-store.js';
import type { PartnerDirectory } from './partner-directory.js';
import { SearchDelta } from './search-delta.js';

export interface SearchRuntimeOptions {
  log: Logger;
  partners: PartnerDirectory;
  /** How often to look at the change log. Default 1 s. */
  pollMs?: number;
  /** How long to wait for the full index another process claimed before building one. Default 90 s. */
  waitForStoredMs?: number;
  /** Changed items laid over the full index before a new full build is wanted. Default 1,000. */
  deltaMax?: number;
  /**
   * A partner edit lays that partner's items over the full index again up to this many;
   * beyond, a full build takes them (their indexing would hold the main thread). Default 2,000.
   */
  relayMax?: number;
  debounceMs?: number;
  /** Called after this process built a full index, or laid its own changes over it (e.g. WebSub ping). */
  onIndexChanged?: () => void;
  /** Called with the time its data was read, whenever a new full index is in place. */
  onIndexLoaded?: (readAt: number) => void;
}

export interface SearchRuntime {
  service: SearchService;
  /** What the index holds: changes whenever a search may answer differently (caches, ETags). */
  version(): string;
  start(): Promise<void>;
  /** Called when this process changed items (after bumpItemsVersion): applied at once. */
  itemsChanged(): void;
  /** Rebuilds in full now and waits (tests, admin tools). */
  refresh(): Promise<void>;
  stop(): void;
}

/** Log entries kept below a stored full index, for processes a little behind it. */
const KEEP_ENTRIES = 1000;
/** Log entries applied in one go. */
const ENTRIES_PER_PASS = 200;

/** Published items, each story once (hub/stories): the index never holds a story twice. */
async function loadPublishedItems(): Promise<IndexableItem[]> {
  return collapseStories(await listIndexableItems());
}

type VersionInfo = Awaited<ReturnType<typeof getItemsVersionInfo>>;

/** Creates the runtime; nothing happens before start(). */
export function createSearchRuntime(options: SearchRuntimeOptions): SearchRuntime {
  const { log } = options;
  const deltaMax = options.deltaMax ?? 1000;
  const relayMax = options.relayMax ?? 2000;
  let servedToken = '';
  let seenToken = '';
  /** The changes after the full index served now, laid over it. */
  const delta = new SearchDelta({ partners: options.partners, relayMax });
  let fullWanted: { seq: number; since: number } | null = null;
  let claimedFor = -1;
  let building = false;
  let catching = false;
  let again = false;
  let announce = false;
  const build = { version: '', readAt: 0, started: 0 };
  let timer: NodeJS.Timeout | undefined;

  const service = new SearchService({
    debounceMs: options.debounceMs ?? 1000,
    loadAll: async () => {
      build.started = performance.now();
      const info = await getItemsVersionInfo();
      // Entries up to the head are in the items read next; those after it are laid over.
      const position = await findItemChangesHead(info.seq);
      build.version = info.version;
      build.readAt = Date.now();
      // The partners as of now, not as last reloaded: a partner edit up to `position` is in
      // this build, and its log entry will not be applied over it.
      const [items, partners] = await Promise.all([
        loadPublishedItems(),
        options.partners.reload().then(() => options.partners.current()),
      ]);
      return { items, partners, position };
    },
    overlayFor: (index, position) => {
      if (position !== undefined) {
        delta.rebase(position);
        if (fullWanted && fullWanted.seq <= position) fullWanted = null;
      }
      return delta.overlayOf(index);
    },
    onSwap: async (_index, serialized, position) => {
      servedToken = build.version;
      recordIndexBuild((performance.now() - build.started) / 1000, serialized.length);
      options.onIndexLoaded?.(build.readAt);
      await saveStoredIndex(build.version, serialized, position);
      if (position !== undefined) {
        await bumpItemsVersion({ storedSeq: position });
        await pruneItemChanges(position - KEEP_ENTRIES);
      }
      options.onIndexChanged?.();
      log.info({ position, bytes: serialized.length }, 'search: full index built and stored');
    },
    onError: (err) => log.error({ err }, 'search: rebuild failed'),
  });

  /** Loads a stored index; one written by another version of the hub is rebuilt instead. */
  async function loadStored(serialized: Buffer, position: number): Promise<boolean> {
    try {
      await service.load(serialized, position);
      return true;
    } catch (err) {
      log.warn({ err }, 'search: stored index unreadable, rebuilding');
      return false;
    }
  }

  /** Loads the stored full index when it is newer than ours; the changes after it stay laid over it. */
  async function loadNewerStored(): Promise<boolean> {
    const stored = await loadStoredIndex();
    if (!stored || stored.seq === undefined || stored.seq <= delta.baseSeq) return false;
    const readAt = Date.now();
    if (!(await loadStored(stored.serialized, stored.seq))) return false;
    recordIndexUpdate('stored', stored.serialized.length);
    // The change may be a partner edit: names and kinds in listings and feeds follow.
    await options.partners.reload();
    options.onIndexLoaded?.(readAt);
    log.info({ position: stored.seq }, 'search: stored index loaded');
    return true;
  }

  function wantFull(seq: number): void {
    fullWanted = { seq: Math.max(seq, fullWanted?.seq ?? 0), since: fullWanted?.since ?? Date.now() };
  }

  /** The first index: the stored one and the changes after it, else a build. */
  async function startIndex(info: VersionInfo): Promise<void> {
    const stored = await loadStoredIndex();
    if (stored) {
      const current = stored.version === info.version;
      // An index stored before the change log existed is usable only if nothing changed since.
      const position = stored.seq ?? (current ? await findItemChangesHead(info.seq) : undefined);
      if (position !== undefined && (await loadStored(stored.serialized, position))) {
        recordIndexUpdate('stored', stored.serialized.length);
        servedToken = stored.version;
        if (current) seenToken = info.version;
        else again = true;
        options.onIndexLoaded?.(Date.now());
        log.info({ position }, 'search: stored index loaded');
        return;
      }
    }
    await service.rebuildNow();
  }

  /** Reads the new log entries and lays the items they name over the full index. */
  async function applyChanges(info: VersionInfo): Promise<void> {
    const { entries, behind } = await readItemChanges(delta.cursor, info.seq, ENTRIES_PER_PASS);
    if (behind) {
      log.warn({ cursor: delta.cursor, head: info.seq }, 'search: change log pruned past this process');
      if (await loadNewerStored()) again = true;
      else wantFull(info.seq);
      return;
    }
    if (entries.length === 0) {
      seenToken = info.version;
      return;
    }
    const taken = await delta.take(entries, () => service.getIndex());
    if (taken.leftToFullBuild > 0)
      log.info(
        { partners: [...taken.partners], items: taken.leftToFullBuild },
        'search: partner edit left to a full build',
      );
    if (taken.partners.size)
      log.info(
        { partners: [...taken.partners], relaid: taken.relaid, readBack: taken.readBack, delta: delta.size },
        'search: partner edit laid over the index',
      );
    if (!(taken.stored > delta.baseSeq && (await loadNewerStored()))) {
      const base = service.getIndex();
      if (base && taken.changedDelta) {
        // Built over `base` in slices; if a full index was swapped in meanwhile, it brought its own.
        if (service.setOverlay(base, await delta.overlayInSlicesOf(base))) recordIndexUpdate('incremental');
      }
    }
    if (taken.everything || delta.size > deltaMax) wantFull(taken.last);
    servedToken = info.version;
    if (entries.length < ENTRIES_PER_PASS) seenToken = info.version;
    else again = true;
    log.debug(
      {
        entries: entries.length,
        items: taken.items,
        carried: taken.carried,
        read: taken.read,
        delta: delta.size,
        cursor: delta.cursor,
      },
      'search: changes applied',
    );
    if (announce) {
      announce = false;
      options.onIndexChanged?.();
    }
  }

  /** A full build when one is wanted: by this process if it wins the claim, or once it waited long enough. */
  async function maybeBuild(): Promise<void> {
    const { baseSeq } = delta;
    if (!fullWanted || fullWanted.seq <= baseSeq || building) return;
    let mine = false;
    if (claimedFor !== baseSeq) {
      claimedFor = baseSeq;
      mine = await claimIndexBuild(baseSeq);
    }
    if (!mine && Date.now() - fullWanted.since < (options.waitForStoredMs ?? 90_000)) return;
    building = true;
    log.info({ baseSeq, delta: delta.size, claimed: mine }, 'search: full build');
    void service
      .rebuildNow()
      .catch((err: unknown) => log.error({ err }, 'search: rebuild failed'))
      .finally(() => (building = false));
  }

  async function catchUp(): Promise<void> {
    // One catch-up at a time; a call during one runs another after it.
    if (catching) {
      again = true;
      return;
    }
    catching = true;
    try {
      do {
        again = false;
        const info = await getItemsVersionInfo();
        if (!service.isReady()) await startIndex(info);
        else if (info.version !== seenToken) await applyChanges(info);
        await maybeBuild();
      } while (again);
    } finally {
      catching = false;
    }
  }

  const catchUpLogged = () => void catchUp().catch((err: unknown) => log.error({ err }, 'search: catch-up failed'));

  return {
    service,
    version: () => `${servedToken}.${delta.baseSeq}`,
    async start() {
      await options.partners.reload();
      await catchUp();
      timer = setInterval(catchUpLogged, options.pollMs ?? 1000);
      timer.unref();
    },
    itemsChanged: () => {
      announce = true;
      catchUpLogged();
    },
    refresh: () => service.rebuildNow(),
    stop() {
      if (timer) clearInterval(timer);
      service.close();
    },
  };
}
