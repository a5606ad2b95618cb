/**
 * The story fields of items (hub/stories groups them): `storyId`, the id of the item that
 * founded the story an item joined, and `storyDetached`, set when its partner took it out
 * of a wrong group — for good: ingestion never groups an item again.
 */
import { noteItemsChanged } from './change-log.js';
import { listedStoryMembers } from './item-listing.js';
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
  noteItemsChanged(joined.keys());
}

/** Takes an item out of its story for good; false when no such item. */
export async function markItemDetached(id: string): Promise<boolean> {
  const res = await ItemModel.updateOne({ _id: id }, { $set: { storyDetached: true }, $unset: { storyId: '' } });
  // Its story's representative loses a member too: the full build redraws the story.
  if (res.matchedCount > 0) noteItemsChanged([id]);
  return res.matchedCount > 0;
}

/** Another item of the story an item belongs to, as the console names it. */
export interface StoryMember {
  id: string;
  partnerId: string;
  title: string;
}

/**
 * The other items of an item's story (its founder and those that joined it), detached ones
 * left out; empty when the item stands alone or was detached.
 */
export async function listStoryMembers(item: {
  _id: string;
  storyId?: string;
  storyDetached?: boolean;
}): Promise<StoryMember[]> {
  if (item.storyDetached) return [];
  // From the console's listing in memory: the query by storyId is a full scan on FerretDB.
  const members = await listedStoryMembers(item.storyId ?? item._id, item._id);
  return members.sort((a, b) => a.partnerId.localeCompare(b.partnerId) || a.id.localeCompare(b.id));
}
