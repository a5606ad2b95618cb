/**
 * The items' change log: one entry per announcement of changed items (a batch written by a
 * run, an agent's withdrawal, a published lab), numbered 1, 2, 3… Every hub reads the
 * entries after the last one it applied and applies them to its search index
 * (hub/catalog/search-runtime.ts), instead of rebuilding the whole index.
 *
 * FerretDB 1.24 has no atomic update and scans the collection for most filters, so both
 * order and exactly-once rest on unique inserts and `_id` lookups only:
 * - a writer claims number n by inserting the entry under `_id: n`; a duplicate key means
 *   another process took it, and it tries n + 1. It starts from a hint (the last number
 *   written, kept beside the items' version token): every number up to the head is taken;
 * - a reader looks entries up by `_id` from the one after its last, and stops at the first
 *   missing number: nothing after it exists yet, so it never skips an entry;
 * - the hint is set after the insert: a number at or below it that is missing was pruned,
 *   and a reader that far behind needs a full index instead (`behind`).
 * Entries are the ids only: readers read the items' current state by `_id`. A partner edit
 * names the partners instead: each reader re-lays the items of those partners its own index
 * holds (their indexed text and facets carry the partner's name, kind and territory).
 */
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';

export interface ItemChange {
  seq: number;
  /** Items whose indexed fields or status changed. */
  ids: string[];
  /** Items changed that nobody listed (a crashed run, a deleted source): a full build catches up. */
  everything?: boolean;
  /** Partners whose name, kind, territory or status changed: their items are indexed again. */
  partners?: string[];
  /** Partners changed (those above, or only fields pages show, like the website): every hub reloads them. */
  directory?: boolean;
  /** A full index was stored, built from the items as of this entry number. */
  storedSeq?: number;
  at: Date;
}

interface ChangeDoc {
  _id: number;
  ids: string[];
  everything?: boolean;
  partners?: string[];
  directory?: boolean;
  storedSeq?: number;
  at: Date;
}

const ChangeModel = model<ChangeDoc>(
  'ItemChange',
  new Schema<ChangeDoc>(
    {
      _id: Number,
      ids: [String],
      everything: Boolean,
      partners: { type: [String], default: undefined },
      directory: Boolean,
      storedSeq: Number,
      at: Date,
    },
    { versionKey: false },
  ),
  'item_changes',
);

const pending = new Set<string>();
let pendingEverything = false;

/** Notes items this process changed; the next bumpItemsVersion() writes them down. */
export function noteItemsChanged(ids: Iterable<string>): void {
  for (const id of ids) pending.add(id);
}

/** Notes a change of items not listed one by one. */
export function noteEverythingChanged(): void {
  pendingEverything = true;
}

function toChange(doc: ChangeDoc): ItemChange {
  return {
    seq: Number(doc._id),
    ids: (doc.ids ?? []).map(String),
    ...(doc.everything ? { everything: true } : {}),
    ...(doc.partners?.length ? { partners: doc.partners.map(String) } : {}),
    ...(doc.directory || doc.partners?.length ? { directory: true } : {}),
    ...(doc.storedSeq !== undefined && doc.storedSeq !== null ? { storedSeq: Number(doc.storedSeq) } : {}),
    at: doc.at,
  };
}

/**
 * Writes the changes noted since the last entry (plus `extra`) as the next entry; returns
 * its number, or undefined when there was nothing to write.
 */
export async function appendItemChange(
  hint: number,
  extra: { everything?: boolean; storedSeq?: number; partners?: string[]; directory?: boolean } = {},
): Promise<number | undefined> {
  const ids = [...pending];
  const everything = pendingEverything || extra.everything === true;
  const partners = extra.partners ?? [];
  const directory = extra.directory === true || partners.length > 0;
  if (!ids.length && !everything && extra.storedSeq === undefined && !directory) return undefined;
  pending.clear();
  pendingEverything = false;
  const body = {
    ids,
    ...(everything ? { everything: true } : {}),
    ...(partners.length ? { partners } : {}),
    ...(directory ? { directory: true } : {}),
    ...(extra.storedSeq !== undefined ? { storedSeq: extra.storedSeq } : {}),
  };
  for (let seq = hint + 1; ; seq++) {
    try {
      await ChangeModel.create({ _id: seq, ...body, at: new Date() });
      return seq;
    } catch (err) {
      if (isDuplicateKey(err)) continue;
      // Not written: the next announcement carries them.
      noteItemsChanged(ids);
      if (everything) pendingEverything = true;
      throw err;
    }
  }
}

/**
 * The entries after `after`, in order (at most `limit`). `behind` when the next one was
 * pruned although later ones exist (`hint`, the last number announced, is past it).
 */
export async function readItemChanges(
  after: number,
  hint: number,
  limit = 200,
): Promise<{ entries: ItemChange[]; behind: boolean }> {
  const entries: ItemChange[] = [];
  for (let seq = after + 1; entries.length < limit; seq++) {
    const doc = await ChangeModel.findById(seq).lean<ChangeDoc>();
    if (!doc) break;
    entries.push(toChange(doc));
  }
  return { entries, behind: entries.length === 0 && hint > after };
}

/** The number of the last entry written (0 when none), probing upwards from `hint`. */
export async function findItemChangesHead(hint: number): Promise<number> {
  let head = hint;
  while (await ChangeModel.exists({ _id: head + 1 })) head++;
  return head;
}

/** Drops the entries below `below` (a stored full index holds them). */
export async function pruneItemChanges(below: number): Promise<number> {
  if (below <= 1) return 0;
  return (await ChangeModel.deleteMany({ _id: { $lt: below } })).deletedCount;
}
