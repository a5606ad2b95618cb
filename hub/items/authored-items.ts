/**
 * Items written in the hub itself rather than ingested: an open lab's publication
 * (hub/labs). One lab is one item; each publication rewrites it (revision + 1) and keeps
 * its first publication date, its counts and its history of change notes.
 */
import type { Audience, ItemType, Territory } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { itemStatesWanted, knownItemChangesHead, noteItemsChanged, noteItemsWritten } from './change-log.js';
import { readabilityOf } from './item-fields.js';
import { ITEM_SCHEMA_VERSION, ItemModel, type ItemDoc } from './item-model.js';
import { toIndexedItem } from './items.js';

/** What a publication writes; `id` is stable for the lab. */
export interface AuthoredItem {
  id: string;
  /** The lead partner: every existing consumer keeps reading `partnerId`. */
  partnerId: string;
  coAuthors: string[];
  sourceId: string;
  guid: string;
  url: string;
  title: string;
  summary: string;
  content: string;
  type: ItemType;
  topics: string[];
  audience: Audience[];
  territory: Territory;
  contentHash: string;
  changeNotes: { date: Date; note: string }[];
  unreviewedBy: string[];
}

function fieldsOf(item: AuthoredItem, at: Date) {
  const { id: _id, unreviewedBy, changeNotes, ...rest } = item;
  return {
    ...rest,
    language: 'fr',
    updatedAt: at,
    lastSeenAt: at,
    status: 'published',
    schemaVersion: ITEM_SCHEMA_VERSION,
    ...(rest.content || rest.summary ? { readability: readabilityOf(rest) } : {}),
    ...(changeNotes.length ? { changeNotes } : {}),
    ...(unreviewedBy.length ? { unreviewedBy } : {}),
  };
}

/**
 * Noted for the change log with the state written, so that no hub reads a published lab's
 * item back (change-log.ts, format 2; on FerretDB a read by `_id` scans the items).
 */
function noteWritten(doc: ItemDoc, before: number): void {
  if (!itemStatesWanted(1)) return noteItemsChanged([doc._id]);
  noteItemsWritten([{ id: doc._id, item: doc.status === 'published' ? toIndexedItem(doc) : null }], before);
}

/**
 * Creates the item on the first publication, rewrites it on the next ones. The caller
 * guarantees one publication at a time per lab (a unique insert), so the read-then-write
 * here cannot interleave with another publication of the same item.
 */
export async function writeAuthoredItem(item: AuthoredItem, at: Date): Promise<{ created: boolean }> {
  const fields = fieldsOf(item, at);
  const before = knownItemChangesHead();
  try {
    const created = await ItemModel.create({
      _id: item.id,
      ...fields,
      publishedAt: at,
      revision: 1,
      firstSeenAt: at,
      stats: { likes: 0, comments: 0 },
    });
    noteWritten(created.toObject() as unknown as ItemDoc, before);
    return { created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const unset: Record<string, ''> = { withdrawnAt: '' };
  if (!item.changeNotes.length) unset.changeNotes = '';
  if (!item.unreviewedBy.length) unset.unreviewedBy = '';
  const updated = await ItemModel.findOneAndUpdate(
    { _id: item.id },
    { $set: fields, $unset: unset, $inc: { revision: 1 } },
    { new: true },
  ).lean<ItemDoc>();
  if (updated) noteWritten(updated, before);
  else noteItemsChanged([item.id]);
  return { created: false };
}

/** Sets who has not reviewed an authored item yet (an approval after a forced publication). */
export async function setItemUnreviewedBy(id: string, partnerIds: string[]): Promise<void> {
  const update = partnerIds.length ? { $set: { unreviewedBy: partnerIds } } : { $unset: { unreviewedBy: '' } };
  await ItemModel.updateOne({ _id: id }, update);
}

/** The authored item's public fields a lab shows back (or undefined before publication). */
export async function findAuthoredItem(
  id: string,
): Promise<Pick<ItemDoc, '_id' | 'status' | 'revision' | 'unreviewedBy'> | undefined> {
  return (await ItemModel.findById(id, { status: 1, revision: 1, unreviewedBy: 1 }).lean<ItemDoc>()) ?? undefined;
}
