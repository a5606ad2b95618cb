/**
 * The console's listing of items, served from memory (listed-rows.ts) and kept current
 * like the search index (hub/catalog/search-runtime.ts), from the items' change log:
 * - loaded on first use, in one scan of the listed fields of every item (every status);
 *   a hub that never shows the console never holds it;
 * - every second, one read by `_id` of the items' version; when it moved, the new log
 *   entries, and the items they name read again (by `_id` each for a few, one scan for
 *   many). An entry for items nobody listed (`everything`), a log pruned past this
 *   process or a version that went back (a new database) loads everything again;
 * - this process's own withdrawals and restorations are applied at once (read-your-writes):
 *   withdrawal.ts hands over the item it wrote;
 * - likes and comments: this process's changes at once (announceItemStats), other
 *   processes' at the next full load, which comes at least every REFRESH_MS.
 * Two versions of an item are ordered by their revision, so a read older than a write
 * applied meanwhile never wins.
 */
import { findItemChangesHead, readItemChanges } from './change-log.js';
import { getItemsVersionInfo } from './data-version.js';
import { ItemModel } from './item-model.js';
import { ListedRows, type ListedDoc, type ListedItem, type PartnerItemQuery } from './listed-rows.js';
import { onItemStats } from './stats-events.js';

/** The fields a listing shows, and the revision. */
const LISTED = {
  _id: 1,
  partnerId: 1,
  sourceId: 1,
  title: 1,
  url: 1,
  type: 1,
  status: 1,
  publishedAt: 1,
  firstSeenAt: 1,
  withdrawnAt: 1,
  withdrawnBy: 1,
  stats: 1,
  revision: 1,
  storyId: 1,
  storyDetached: 1,
};

const POLL_MS = 1000;
/** A full load at least this often: other processes' likes and comments, and any drift. */
const REFRESH_MS = 15 * 60_000;
/** Up to this many changed items are read by `_id` each; more, in one scan. */
const BY_ID_MAX = 50;
const ENTRIES_PER_PASS = 200;

interface State {
  rows: ListedRows;
  loaded: Promise<void>;
  version: string;
  cursor: number;
  loadedAt: number;
  /** Writes applied while a full load was reading, re-applied over it. */
  during: Map<string, ListedDoc> | null;
  timer: NodeJS.Timeout;
  unsubscribe: () => void;
  /** The pass applying the log now, if any (one at a time). */
  running: Promise<void> | null;
  /** The pass reading this process's own changes: listings wait for it (read-your-writes). */
  own: Promise<void> | null;
}

let state: State | undefined;

async function readListed(ids: string[]): Promise<ListedDoc[]> {
  if (ids.length > BY_ID_MAX) return ItemModel.find({ _id: { $in: ids } }, LISTED).lean<ListedDoc[]>();
  // FerretDB 1.24 answers a lookup by _id alone without a full scan, but scans for $in.
  const docs = await Promise.all(ids.map((id) => ItemModel.findById(id, LISTED).lean<ListedDoc>()));
  return docs.filter((d): d is ListedDoc => d !== null);
}

/** Loads every item: the position in the log first, so that entries after it are applied over. */
async function loadAll(s: State): Promise<void> {
  const info = await getItemsVersionInfo();
  const head = await findItemChangesHead(info.seq);
  s.during = new Map();
  try {
    const docs = await ItemModel.find({}, LISTED).lean<ListedDoc[]>();
    s.rows.replaceAll(docs);
    for (const doc of s.during.values()) s.rows.upsert(doc);
  } finally {
    s.during = null;
  }
  s.version = info.version;
  s.cursor = head;
  s.loadedAt = Date.now();
}

/** Applies the log entries written since the last look, after the pass running now if any. */
async function catchUp(s: State): Promise<void> {
  while (s.running) await s.running.catch(() => undefined);
  s.running = applyNewEntries(s).finally(() => (s.running = null));
  return s.running;
}

async function applyNewEntries(s: State): Promise<void> {
  for (;;) {
    const info = await getItemsVersionInfo();
    if (Date.now() - s.loadedAt > REFRESH_MS || info.seq < s.cursor) return await loadAll(s);
    if (info.version === s.version) return;
    const { entries, behind } = await readItemChanges(s.cursor, info.seq, ENTRIES_PER_PASS);
    if (behind || entries.some((e) => e.everything)) return await loadAll(s);
    if (entries.length === 0) {
      s.version = info.version;
      return;
    }
    const ids = [...new Set(entries.flatMap((e) => e.ids))];
    const docs = await readListed(ids);
    const found = new Set(docs.map((d) => d._id));
    for (const doc of docs) s.rows.upsert(doc);
    for (const id of ids) if (!found.has(id)) s.rows.remove(id);
    s.cursor = entries[entries.length - 1]!.seq;
    if (entries.length < ENTRIES_PER_PASS) {
      s.version = info.version;
      return;
    }
  }
}

function start(): State {
  const s: State = {
    rows: new ListedRows(),
    loaded: Promise.resolve(),
    version: '',
    cursor: 0,
    loadedAt: 0,
    during: null,
    running: null,
    own: null,
    timer: setInterval(() => {
      if (state === s && !s.running) void s.loaded.then(() => catchUp(s)).catch(() => undefined);
    }, POLL_MS),
    unsubscribe: onItemStats((id, stats) => s.rows.setStats(id, stats)),
  };
  s.timer.unref();
  s.loaded = loadAll(s);
  // A failed first load is tried again at the next use.
  s.loaded.catch(() => {
    if (state === s) closeItemListing();
  });
  return s;
}

async function ready(): Promise<ListedRows> {
  state ??= start();
  const s = state;
  await s.loaded;
  if (s.own) await s.own.catch(() => undefined);
  return s.rows;
}

/** A partner's items as its agents list them in the console: every status, newest first, filtered, paged, counted. */
export async function listPartnerItems(query: PartnerItemQuery): Promise<{ total: number; items: ListedItem[] }> {
  return (await ready()).query(query);
}

/** Published items per source (the sources list and a source's page), exact as of the listing. */
export async function countPublishedBySource(partnerId?: string): Promise<ReadonlyMap<string, number>> {
  return (await ready()).countPublishedBySource(partnerId);
}

/** The other items of a story, from the listing (FerretDB scans every item for the query by storyId). */
export async function listedStoryMembers(
  storyId: string,
  except: string,
): Promise<{ id: string; partnerId: string; title: string }[]> {
  return (await ready()).storyMembers(storyId, except);
}

/**
 * One item as the listing holds it (every field an item's console page shows), or undefined
 * when not held: FerretDB 1.24 answers a read by `_id` by scanning until it meets the item
 * (the newest cost most). Current as the listing is: this process's writes at once, another
 * process's within about a second, likes and comments of another process at the next full load.
 */
export async function findListedItem(
  id: string,
): Promise<(ListedItem & { storyId?: string; storyDetached: boolean }) | undefined> {
  return (await ready()).one(id);
}

/** Titles and addresses by id (the moderation queue, page feedback), without a scan. */
export async function listedTitles(ids: string[]): Promise<Map<string, { title: string; url: string }>> {
  if (ids.length === 0) return new Map();
  return (await ready()).titles(ids);
}

/** An item this process just wrote: the listing shows it at once (when it is held). */
export function applyListedItem(doc: ListedDoc): void {
  if (!state) return;
  state.during?.set(doc._id, doc);
  state.rows.upsert(doc);
}

/** Looks at the change log now (after this process announced changes); resolves once applied. */
export async function refreshItemListing(): Promise<void> {
  const s = state;
  if (!s) return;
  const pass = s.loaded.then(() => catchUp(s));
  s.own = pass;
  try {
    await pass;
  } finally {
    if (s.own === pass) s.own = null;
  }
}

/** Stops polling and forgets the rows (hub stopped); the next use loads them again. */
export function closeItemListing(): void {
  if (!state) return;
  clearInterval(state.timer);
  state.unsubscribe();
  state = undefined;
}
