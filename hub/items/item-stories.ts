/**
 * The story fields of items (hub/stories groups them): `storyId`, the id of the item that
 * founded the story an item joined, and `storyDetached`, set when its partner took it out
 * of a wrong group — for good: ingestion never groups an item again.
 */
import { ItemModel } from './item-model.js';
import { bulkWriteInChunks } from '../db/index.js';

/** Records that these new items joined these stories (itemId → storyId). */
export async function setItemStories(joined: ReadonlyMap<string, string>): Promise<void> {
  // One update per item, filtered by _id alone: FerretDB finds those without a scan.
  if (joined.size)
    await bulkWriteInChunks(
      [...joined].map(([id, storyId]) => ({ updateOne: { filter: { _id: id }, update: { $set: { storyId } } } })),
      (chunk) => ItemModel.bulkWrite(chunk, { ordered: false }),
    );
}

/** Takes an item out of its story for good; false when no such item. */
export async function markItemDetached(id: string): Promise<boolean> {
  const res = await ItemModel.updateOne({ _id: id }, { $set: { storyDetached: true }, $unset: { storyId: '' } });
  return res.matchedCount > 0;
}
