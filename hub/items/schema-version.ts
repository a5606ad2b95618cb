/** Operations of migrations on the items' shape version (hub/migrations). */
import { ITEM_SCHEMA_VERSION, ItemModel } from './item-model.js';

/** Stamps the current version on items written before versions existed; returns how many. */
export async function stampItemsSchemaVersion(): Promise<number> {
  // One filtered update: resumable (a crash leaves only unstamped items to do) and
  // harmless to repeat or to run alongside older hubs, which never read the field.
  const res = await ItemModel.updateMany(
    { schemaVersion: { $exists: false } },
    { $set: { schemaVersion: ITEM_SCHEMA_VERSION } },
  );
  return res.modifiedCount;
}

/** How many items are stored in each shape version (`none` for unstamped ones). */
export async function countItemsBySchemaVersion(): Promise<Record<string, number>> {
  const groups = await ItemModel.aggregate<{ _id: number | null; n: number }>([
    { $group: { _id: '$schemaVersion', n: { $sum: 1 } } },
  ]);
  return Object.fromEntries(groups.map((g) => [g._id === null ? 'none' : String(g._id), g.n]).sort());
}
