/**
 * An agent withdraws one of the partner's items from view (search, feeds, widgets,
 * portal), or restores it. Never a deletion; ingestion keeps refreshing a withdrawn item's
 * content but leaves it withdrawn until an agent restores it.
 */
import { Conflict, NotFound } from '../domain-errors.js';
import { itemStatesWanted, knownItemChangesHead, noteItemsChanged, noteItemsWritten } from './change-log.js';
import { applyListedItem } from './item-listing.js';
import { ItemModel, type ItemDoc } from './item-model.js';
import { toIndexedItem } from './items.js';

/**
 * Noted for the change log with the state written (withdrawn: none; restored: the item as
 * stored), so that no hub reads it back (change-log.ts, format 2), and shown at once by this
 * process's listing (read-your-writes). `before`: the log's head as known before the write.
 */
function written(item: ItemDoc, before: number): ItemDoc {
  const state = item.status === 'published' ? toIndexedItem(item) : null;
  if (itemStatesWanted(1)) noteItemsWritten([{ id: item._id, item: state }], before);
  else noteItemsChanged([item._id]);
  applyListedItem(item);
  return item;
}

/** Withdraws a published item; 409 when it is not published. */
export async function withdrawItem(id: string, now = new Date()): Promise<ItemDoc> {
  const before = knownItemChangesHead();
  const item = await ItemModel.findOneAndUpdate(
    { _id: id, status: 'published' },
    { $set: { status: 'withdrawn', withdrawnAt: now, withdrawnBy: 'agent' }, $inc: { revision: 1 } },
    { new: true },
  ).lean<ItemDoc>();
  if (item) return written(item, before);
  if (!(await ItemModel.exists({ _id: id }))) throw new NotFound(`le contenu ${id}`);
  throw new Conflict('item_not_published', "ce contenu n'est pas publié");
}

/** Restores an item an agent withdrew; 409 for one withdrawn by its source (it is gone from it). */
export async function restoreItem(id: string): Promise<ItemDoc> {
  const before = knownItemChangesHead();
  const item = await ItemModel.findOneAndUpdate(
    { _id: id, status: 'withdrawn', withdrawnBy: 'agent' },
    { $set: { status: 'published' }, $unset: { withdrawnAt: '', withdrawnBy: '' }, $inc: { revision: 1 } },
    { new: true },
  ).lean<ItemDoc>();
  if (item) return written(item, before);
  const current = await ItemModel.findById(id, { status: 1 }).lean<Pick<ItemDoc, 'status'>>();
  if (!current) throw new NotFound(`le contenu ${id}`);
  throw new Conflict(
    'item_not_restorable',
    current.status === 'published'
      ? 'ce contenu est déjà publié'
      : "ce contenu a disparu de sa source : il reviendra s'il y réapparaît",
  );
}
