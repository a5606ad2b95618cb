/** Source counts of items (a scan: the listing in memory, item-listing.ts, counts without one). */
import { ItemModel } from './item-model.js';

/** Published items of a source (its count on the sources list, written after each run). */
export async function countSourceItems(sourceId: string): Promise<number> {
  return ItemModel.countDocuments({ sourceId, status: 'published' });
}
