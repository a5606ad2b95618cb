/** Item reads shared by search, syndication and interaction. */
import type { Item } from '../../schemas/index.js';
import { ItemModel, type ItemDoc } from './item-model.js';

/** The API shape of a stored item (dates as ISO strings, `id` instead of `_id`). */
export function toItem(doc: ItemDoc): Item {
  const { _id, publishedAt, updatedAt, firstSeenAt, lastSeenAt, withdrawnAt, event, ...rest } = doc;
  return {
    id: _id,
    ...rest,
    ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    ...(event ? { event: { start: event.start.toISOString(), ...(event.end ? { end: event.end.toISOString() } : {}), ...(event.place ? { place: event.place } : {}) } } : {}),
    firstSeenAt: firstSeenAt.toISOString(),
    lastSeenAt: lastSeenAt.toISOString(),
    ...(withdrawnAt ? { withdrawnAt: withdrawnAt.toISOString() } : {}),
    stats: { likes: rest.stats?.likes ?? 0, comments: rest.stats?.comments ?? 0 },
  };
}

/** A published item by id, or undefined (withdrawn items are not found). */
export async function findPublishedItem(id: string): Promise<ItemDoc | undefined> {
  return (await ItemModel.findOne({ _id: id, status: 'published' }).lean<ItemDoc>()) ?? undefined;
}

/** Several items by id, in the order of `ids` (missing ones skipped). */
export async function findItemsByIds(ids: string[]): Promise<ItemDoc[]> {
  const docs = await ItemModel.find({ _id: { $in: ids } }).lean<ItemDoc[]>();
  const byId = new Map(docs.map((d) => [d._id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is ItemDoc => d !== undefined);
}
