/**
 * An agent withdraws one of the partner's items from view (search, feeds, widgets,
 * portal), or restores it. Never a deletion; ingestion keeps refreshing a withdrawn item's
 * content but leaves it withdrawn until an agent restores it.
 */
import { Conflict, NotFound } from '../domain-errors.js';
import { noteItemsChanged } from './change-log.js';
import { applyListedItem } from './item-listing.js';
import { ItemModel, type ItemDoc } from './item-model.js';

/** Noted for the change log, and shown at once by this process's listing (read-your-writes). */
function written(item: ItemDoc): ItemDoc {
  noteItemsChanged([item._id]);
  applyListedItem(item);
  return item;
}

/** Withdraws a published item; 409 when it is not published. */
export async function withdrawItem(id: string, now = new Date()): Promise<ItemDoc> {
  const item = await ItemModel.findOneAndUpdate(
    { _id: id, status: 'published' },
    { $set: { status: 'withdrawn', withdrawnAt: now, withdrawnBy: 'agent' }, $inc: { revision: 1 } },
    { new: true },
  ).lean<ItemDoc>();
  if (item) return written(item);
  if (!(await ItemModel.exists({ _id: id }))) throw new NotFound(`le contenu ${id}`);
  throw new Conflict('item_not_published', "ce contenu n'est pas publié");
}

/** Restores an item an agent withdrew; 409 for one withdrawn by its source (it is gone from it). */
export async function restoreItem(id: string): Promise<ItemDoc> {
  const item = await ItemModel.findOneAndUpdate(
    { _id: id, status: 'withdrawn', withdrawnBy: 'agent' },
    { $set: { status: 'published' }, $unset: { withdrawnAt: '', withdrawnBy: '' }, $inc: { revision: 1 } },
    { new: true },
  ).lean<ItemDoc>();
  if (item) return written(item);
  const current = await ItemModel.findById(id, { status: 1 }).lean<Pick<ItemDoc, 'status'>>();
  if (!current) throw new NotFound(`le contenu ${id}`);
  throw new Conflict(
    'item_not_restorable',
    current.status === 'published'
      ? 'ce contenu est déjà publié'
      : "ce contenu a disparu de sa source : il reviendra s'il y réapparaît",
  );
}
