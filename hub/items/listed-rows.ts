/**
 * The console's listing of items (every status) held in memory: one compact row per item,
 * kept in the order the listing shows (newest first, then id), so that a page is one pass
 * over the rows without a sort. FerretDB 1.24 scans and sorts the whole collection for the
 * database query this replaces (about 0.5 ms an item a query: 27 s at 50,000 items).
 *
 * Rows are small on purpose: dates as numbers, the strings many rows share (partner, source,
 * type, status) interned, the title kept folded beside its original for matching.
 */
import type { ItemDoc } from './item-model.js';

/** The fields a listing shows, as the database gives them. */
export type ListedItem = Pick<
  ItemDoc,
  | '_id'
  | 'partnerId'
  | 'sourceId'
  | 'title'
  | 'url'
  | 'type'
  | 'status'
  | 'publishedAt'
  | 'firstSeenAt'
  | 'withdrawnAt'
  | 'withdrawnBy'
  | 'stats'
>;

/** A listed item as read from the database, with its revision (which of two versions is newer). */
export type ListedDoc = ListedItem & { revision?: number; storyId?: string; storyDetached?: boolean };

export interface PartnerItemQuery {
  partnerId?: string;
  status?: 'published' | 'withdrawn';
  sourceId?: string;
  type?: string;
  /** Words of the title (case and accents ignored). */
  q?: string;
  page?: number;
  limit?: number;
}

interface Row {
  id: string;
  partnerId: string;
  sourceId: string;
  title: string;
  folded: string;
  url: string;
  type: string;
  status: string;
  /** publishedAt in ms; -Infinity when absent (the database sorts a missing date last, newest first). */
  date: number;
  firstSeenAt: number;
  withdrawnAt: number | undefined;
  withdrawnBy: string | undefined;
  likes: number;
  comments: number;
  revision: number;
  /** The story it joined (hub/stories), and whether its partner took it out of one. */
  storyId: string | undefined;
  storyDetached: boolean;
}

/** Lower case without accents: « Marché » and « MARCHE » match alike. */
export function foldTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function time(d: Date | string | undefined | null): number | undefined {
  if (d === undefined || d === null) return undefined;
  const ms = new Date(d).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** Newest first, then id ascending (the listing's order; ids are unique, so it is total). */
function before(a: Row, b: Row): boolean {
  if (a.date !== b.date) return a.date > b.date;
  return a.id < b.id;
}

export class ListedRows {
  private rows: Row[] = [];
  private readonly byId = new Map<string, Row>();
  private readonly strings = new Map<string, string>();
  /** The rows that joined each story (by storyId): an item's page asks for its story's other copies. */
  private readonly byStory = new Map<string, Set<Row>>();
  /** Moved by every change of the rows; the counts per source below are kept for one value of it. */
  private changes = 0;
  private counted = { at: -1, byPartner: new Map<string, ReadonlyMap<string, number>>() };

  get size(): number {
    return this.rows.length;
  }

  /** The revision held for an item (undefined when not held). */
  revisionOf(id: string): number | undefined {
    return this.byId.get(id)?.revision;
  }

  /** Replaces every row (a full load). */
  replaceAll(docs: Iterable<ListedDoc>): void {
    this.byId.clear();
    this.strings.clear();
    this.byStory.clear();
    const rows: Row[] = [];
    for (const doc of docs) {
      const row = this.toRow(doc);
      this.byId.set(row.id, row);
      this.joinStory(row);
      rows.push(row);
    }
    this.rows = rows.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    this.changes += 1;
  }

  /** Adds or replaces an item's row, unless the row held is of a later revision. */
  upsert(doc: ListedDoc): void {
    const current = this.byId.get(doc._id);
    if (current && (doc.revision ?? 0) < current.revision) return;
    if (current) this.removeRow(current);
    const row = this.toRow(doc);
    this.byId.set(row.id, row);
    this.joinStory(row);
    this.rows.splice(this.positionOf(row), 0, row);
    this.changes += 1;
  }

  /** Drops an item's row (the item is gone from the database). */
  remove(id: string): void {
    const row = this.byId.get(id);
    if (row) this.removeRow(row);
  }

  /** An item's likes and comments changed. */
  setStats(id: string, stats: { likes: number; comments: number }): void {
    const row = this.byId.get(id);
    if (!row) return;
    row.likes = stats.likes;
    row.comments = stats.comments;
  }

  /** A page of the items matching the query, and how many match. */
  query(query: PartnerItemQuery): { total: number; items: ListedItem[] } {
    const limit = query.limit ?? 25;
    const skip = ((query.page ?? 1) - 1) * limit;
    const words = query.q ? foldTitle(query.q) : '';
    const { partnerId, status, sourceId, type } = query;
    const page: Row[] = [];
    let total = 0;
    for (const row of this.rows) {
      if (partnerId !== undefined && row.partnerId !== partnerId) continue;
      if (status !== undefined && row.status !== status) continue;
      if (sourceId !== undefined && row.sourceId !== sourceId) continue;
      if (type !== undefined && row.type !== type) continue;
      if (words && !row.folded.includes(words)) continue;
      if (total >= skip && page.length < limit) page.push(row);
      total++;
    }
    return { total, items: page.map(toListedItem) };
  }

  /**
   * Published items per source of a partner (or of every partner). Kept until the rows
   * change: the sources list and a source's page ask on every view, and the pass over every
   * row cost 1.5 ms a page at 10,000 items on the loaded machine (7 ms at 50,000).
   */
  countPublishedBySource(partnerId?: string): ReadonlyMap<string, number> {
    if (this.counted.at !== this.changes) this.counted = { at: this.changes, byPartner: new Map() };
    const key = partnerId ?? '\u0000every';
    const held = this.counted.byPartner.get(key);
    if (held) return held;
    const counts = new Map<string, number>();
    for (const row of this.rows) {
      if (row.status !== 'published' || (partnerId !== undefined && row.partnerId !== partnerId)) continue;
      counts.set(row.sourceId, (counts.get(row.sourceId) ?? 0) + 1);
    }
    this.counted.byPartner.set(key, counts);
    return counts;
  }

  /** One item as listed, with its story (undefined when not held). */
  one(id: string): (ListedItem & { storyId?: string; storyDetached: boolean }) | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    return { ...toListedItem(row), ...(row.storyId ? { storyId: row.storyId } : {}), storyDetached: row.storyDetached };
  }

  /** Titles and addresses of the items held among `ids`. */
  titles(ids: Iterable<string>): Map<string, { title: string; url: string }> {
    const out = new Map<string, { title: string; url: string }>();
    for (const id of ids) {
      const row = this.byId.get(id);
      if (row) out.set(id, { title: row.title, url: row.url });
    }
    return out;
  }

  /**
   * The other items of story `storyId` (its founder and those that joined it), detached ones
   * left out, in the listing's order. From the index by story: a pass over every row cost
   * 2 ms an item page at 50,000 items.
   */
  storyMembers(storyId: string, except: string): { id: string; partnerId: string; title: string }[] {
    const candidates = new Set<Row>(this.byStory.get(storyId));
    const founder = this.byId.get(storyId);
    if (founder) candidates.add(founder);
    return [...candidates]
      .filter((row) => row.id !== except && !row.storyDetached)
      .sort((a, b) => (before(a, b) ? -1 : 1))
      .map((row) => ({ id: row.id, partnerId: row.partnerId, title: row.title }));
  }

  private joinStory(row: Row): void {
    if (row.storyId === undefined) return;
    let members = this.byStory.get(row.storyId);
    if (!members) this.byStory.set(row.storyId, (members = new Set()));
    members.add(row);
  }

  private leaveStory(row: Row): void {
    if (row.storyId === undefined) return;
    const members = this.byStory.get(row.storyId);
    members?.delete(row);
    if (members?.size === 0) this.byStory.delete(row.storyId);
  }

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private toRow(doc: ListedDoc): Row {
    const title = String(doc.title ?? '');
    const folded = foldTitle(title);
    return {
      id: String(doc._id),
      partnerId: this.intern(String(doc.partnerId)),
      sourceId: this.intern(String(doc.sourceId)),
      title,
      folded: folded === title ? title : folded,
      url: String(doc.url ?? ''),
      type: this.intern(String(doc.type)),
      status: this.intern(String(doc.status)),
      date: time(doc.publishedAt) ?? -Infinity,
      firstSeenAt: time(doc.firstSeenAt) ?? 0,
      withdrawnAt: time(doc.withdrawnAt),
      withdrawnBy: doc.withdrawnBy ? this.intern(doc.withdrawnBy) : undefined,
      likes: doc.stats?.likes ?? 0,
      comments: doc.stats?.comments ?? 0,
      revision: doc.revision ?? 0,
      storyId: doc.storyId ? String(doc.storyId) : undefined,
      storyDetached: doc.storyDetached === true,
    };
  }

  /** Where `row` goes (binary search over the listing's order). */
  private positionOf(row: Row): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.rows[mid]!, row)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeRow(row: Row): void {
    const at = this.positionOf(row);
    if (this.rows[at] === row) this.rows.splice(at, 1);
    else this.rows.splice(this.rows.indexOf(row), 1);
    this.byId.delete(row.id);
    this.leaveStory(row);
    this.changes += 1;
  }
}

function toListedItem(row: Row): ListedItem {
  return {
    _id: row.id,
    partnerId: row.partnerId,
    sourceId: row.sourceId,
    title: row.title,
    url: row.url,
    type: row.type as ListedItem['type'],
    status: row.status as ListedItem['status'],
    ...(row.date !== -Infinity ? { publishedAt: new Date(row.date) } : {}),
    firstSeenAt: new Date(row.firstSeenAt),
    ...(row.withdrawnAt !== undefined ? { withdrawnAt: new Date(row.withdrawnAt) } : {}),
    ...(row.withdrawnBy !== undefined ? { withdrawnBy: row.withdrawnBy as ListedItem['withdrawnBy'] } : {}),
    stats: { likes: row.likes, comments: row.comments },
  };
}
