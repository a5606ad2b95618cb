/** Item reads shared by search, syndication and interaction. */
import type { Item } from '../../schemas/index.js';
import { noteEverythingChanged, noteItemsChanged } from './change-log.js';
import { listedTitles } from './item-listing.js';
import { ItemModel, type ItemDoc } from './item-model.js';

/** The API shape of a stored item (dates as ISO strings, `id` instead of `_id`). */
export function toItem(doc: ItemDoc): Item {
  // schemaVersion is storage bookkeeping, not part of the API's Item.
  const {
    _id,
    publishedAt,
    updatedAt,
    firstSeenAt,
    lastSeenAt,
    withdrawnAt,
    event,
    changeNotes,
    schemaVersion: _v,
    ...rest
  } = doc;
  return {
    id: _id,
    ...rest,
    ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    ...(event
      ? {
          event: {
            start: event.start.toISOString(),
            ...(event.end ? { end: event.end.toISOString() } : {}),
            ...(event.place ? { place: event.place } : {}),
          },
        }
      : {}),
    ...(changeNotes ? { changeNotes: changeNotes.map((n) => ({ date: n.date.toISOString(), note: n.note })) } : {}),
    firstSeenAt: firstSeenAt.toISOString(),
    lastSeenAt: lastSeenAt.toISOString(),
    ...(withdrawnAt ? { withdrawnAt: withdrawnAt.toISOString() } : {}),
    stats: { likes: rest.stats?.likes ?? 0, comments: rest.stats?.comments ?? 0 },
  };
}

/** A published item by id, or undefined (withdrawn items are not found). */
export async function findPublishedItem(id: string): Promise<ItemDoc | undefined> {
  // By _id alone, then the status here: FerretDB 1.24 answers an _id lookup without a full
  // scan only when _id is the whole filter (measured: 26 ms against 177 ms on 10,000 items).
  const doc = await ItemModel.findById(id).lean<ItemDoc>();
  return doc?.status === 'published' ? doc : undefined;
}

/** Several items by id, in the order of `ids` (missing ones skipped). */
export async function findItemsByIds(ids: string[]): Promise<ItemDoc[]> {
  // One lookup by _id each rather than one $in: FerretDB 1.24 scans the whole collection
  // for $in (1.5 s for 20 ids among 10,000 items) but not for a plain _id filter.
  const docs = await Promise.all(ids.map((id) => ItemModel.findById(id).lean<ItemDoc>()));
  return docs.filter((d): d is ItemDoc => d !== null);
}

/** Items of a deleted source the change log lists one by one; beyond, every hub takes a full build. */
const LISTED_WITHDRAWALS = 1000;

/** Withdraws every published item of a source (source deleted); returns how many. */
export async function withdrawSourceItems(sourceId: string, now = new Date()): Promise<number> {
  // Their ids first: the hubs then lay the withdrawals over their index instead of all
  // rebuilding it (one more scan of the items here, once per deleted source).
  const ids = (await ItemModel.find({ sourceId, status: 'published' }, { _id: 1 }).lean<{ _id: string }[]>()).map(
    (d) => d._id,
  );
  if (!ids.length) return 0;
  const res = await ItemModel.updateMany(
    { sourceId, status: 'published' },
    { $set: { status: 'withdrawn', withdrawnAt: now }, $inc: { revision: 1 } },
  );
  // Another count: items published or withdrawn meanwhile (a run of the source finishing).
  if (res.modifiedCount === ids.length && ids.length <= LISTED_WITHDRAWALS) noteItemsChanged(ids);
  else if (res.modifiedCount > 0) noteEverythingChanged();
  return res.modifiedCount;
}

/** Whether a partner still has items, published or withdrawn (0 or 1: enough to refuse its deletion). */
export async function countPartnerItems(partnerId: string): Promise<number> {
  return ItemModel.countDocuments({ partnerId }, { limit: 1 });
}

/** An item by id whatever its status, or undefined. */
export async function findItem(id: string): Promise<ItemDoc | undefined> {
  return (await ItemModel.findById(id).lean<ItemDoc>()) ?? undefined;
}

/** Only the partner and status of an item (likes, CORS, frames need no more), or undefined. */
export async function findItemOwner(id: string): Promise<Pick<ItemDoc, '_id' | 'partnerId' | 'status'> | undefined> {
  // _id alone in the filter: the lookup FerretDB 1.24 can answer without a full scan.
  return (await ItemModel.findById(id, { partnerId: 1, status: 1 }).lean<ItemDoc>()) ?? undefined;
}

/** The id of the newest published item, or undefined. */
export async function findNewestItemId(): Promise<string | undefined> {
  const item = await ItemModel.findOne({ status: 'published' })
    .sort({ publishedAt: -1 })
    .select({ _id: 1 })
    .lean<{ _id: string }>();
  return item?._id;
}

/** Title and link of several items, by id (moderators see what a comment is about). */
export async function findItemTitles(ids: string[]): Promise<Map<string, { title: string; url: string }>> {
  // From the console's listing in memory: FerretDB 1.24 scans every item for $in. An item
  // it does not hold yet (written by another process less than a second ago) is read by _id.
  const titles = await listedTitles(ids);
  const missing = [...new Set(ids)].filter((id) => !titles.has(id));
  const docs = await Promise.all(
    missing.map((id) =>
      ItemModel.findById(id, { title: 1, url: 1 }).lean<{ _id: string; title: string; url: string }>(),
    ),
  );
  for (const doc of docs) if (doc) titles.set(doc._id, { title: doc.title, url: doc.url });
  return titles;
}

/** Fields the search index reads. */
const INDEXED_FIELDS = {
  _id: 1,
  partnerId: 1,
  url: 1,
  title: 1,
  summary: 1,
  content: 1,
  categories: 1,
  keywords: 1,
  coAuthors: 1,
  storyId: 1,
  storyDetached: 1,
  links: 1,
  type: 1,
  topics: 1,
  audience: 1,
  territory: 1,
  status: 1,
  publishedAt: 1,
  updatedAt: 1,
  firstSeenAt: 1,
  lastSeenAt: 1,
  image: 1,
  event: 1,
  stats: 1,
};

/** A stored item's state as readIndexableItems gives it (the change log carries it, change-log.ts). */
export function toIndexedItem(doc: ItemDoc): Item {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(INDEXED_FIELDS)) {
    const value = (doc as unknown as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return toItem(picked as unknown as ItemDoc);
}

/** Every published item with the fields the search index reads, in the API shape. */
export async function listIndexableItems(): Promise<Item[]> {
  const docs = await ItemModel.find({ status: 'published' }, INDEXED_FIELDS).lean<ItemDoc[]>();
  return docs.map((d) => toItem(d));
}

/**
 * The current state of these items as the search index reads them: the published ones with
 * its fields, `null` for those withdrawn or gone. One lookup by `_id` each (FerretDB scans
 * for `$in`), a few at a time.
 */
export async function readIndexableItems(ids: readonly string[]): Promise<Map<string, Item | null>> {
  const out = new Map<string, Item | null>();
  for (let i = 0; i < ids.length; i += 16) {
    const chunk = ids.slice(i, i + 16);
    const docs = await Promise.all(chunk.map((id) => ItemModel.findById(id, INDEXED_FIELDS).lean<ItemDoc>()));
    chunk.forEach((id, n) => out.set(id, docs[n]?.status === 'published' ? toItem(docs[n]) : null));
  }
  return out;
}
