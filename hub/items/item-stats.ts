/** The likes and comment counts stored on items (interaction reconciles them from its records). */
import { ItemModel } from './item-model.js';
import type { ItemStats } from './stats-events.js';

/** The counts stored on an item; undefined when the item does not exist. */
export async function readItemStats(itemId: string): Promise<Partial<ItemStats> | undefined> {
  const item = await ItemModel.findById(itemId, { stats: 1 }).lean<{ stats?: Partial<ItemStats> }>();
  return item ? (item.stats ?? {}) : undefined;
}

/** Stores an item's counts. */
export async function writeItemStats(itemId: string, stats: ItemStats): Promise<void> {
  await ItemModel.updateOne(
    { _id: itemId },
    { $set: { 'stats.likes': stats.likes, 'stats.comments': stats.comments } },
  );
}

/** Every item's id and stored counts, one at a time (repair tools). */
export async function* scanItemStats(): AsyncGenerator<{ id: string; stats: Partial<ItemStats> }> {
  const cursor = ItemModel.find({}, { stats: 1 }).lean<{ _id: string; stats?: Partial<ItemStats> }>().cursor();
  for await (const item of cursor) yield { id: item._id, stats: item.stats ?? {} };
}
