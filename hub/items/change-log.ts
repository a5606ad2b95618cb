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
 * Entries list the ids; readers read the items' current state by `_id` — except the items
 * whose state the entry carries (format 2, below). A partner edit names the partners
 * instead: each reader re-lays the items of those partners its own index holds (their
 * indexed text and facets carry the partner's name, kind and territory).
 *
 * Format 2 (`v: 2`): a small batch (at most CARRIED_MAX_ITEMS items and CARRIED_MAX_BYTES of
 * JSON) also carries the indexed fields of the items its writer inserted (`carried`) and the
 * ids it withdrew (`gone`), so that no reader reads them back: on FerretDB 1.24 a read by
 * `_id` scans the items until it meets the document, ~7 s for the newest at 50,000 (issue
 * 17). A carried state is the writer's state, which a later write of the same item by
 * another process may have replaced before this entry was appended: the entry says the last
 * number its writer had seen before writing (`writtenAfter`), and a reader uses the carried
 * state only if it knows every entry between that one and this one and none names the item
 * (otherwise it reads it back, as for format 1). A hub of format 1 ignores `carried`, `gone`
 * and `writtenAfter` and reads back every id listed; a hub of format 2 reads back the ids of
 * a format-1 entry.
 */
import { Schema, model } from 'mongoose';
import type { Item } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';

/** The entries this version writes (1: ids only; 2: with the states of a small batch). */
export const CHANGE_FORMAT = 2;
/**
 * At most this many item states in one entry: a run of a feed adds a few items; 50 is one
 * insert chunk (item-writes.ts) and its delta is indexed in milliseconds on every hub.
 */
export const CARRIED_MAX_ITEMS = 50;
/**
 * At most this much JSON of item states in one entry (a rich fiche is 5–30 kB): every hub
 * reads every entry once, by `_id` in a small collection (~45 ms at 50,000 items); 1 MB stays
 * well inside a document's 16 MB and a second's poll.
 */
export const CARRIED_MAX_BYTES = 1_000_000;

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
  /**
   * Format 2: the state of some of `ids` as their writer left them (a published item with the
   * fields the search index reads, `null`: withdrawn); the others are read back.
   */
  states?: Map<string, Item | null>;
  /** Format 2, with `states`: the last entry its writer had seen before writing them. */
  writtenAfter?: number;
  at: Date;
}

interface ChangeDoc {
  _id: number;
  v?: number;
  ids: string[];
  everything?: boolean;
  partners?: string[];
  directory?: boolean;
  storedSeq?: number;
  carried?: Item[];
  gone?: string[];
  writtenAfter?: number;
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
      v: Number,
      carried: { type: [Schema.Types.Mixed], default: undefined },
      gone: { type: [String], default: undefined },
      writtenAfter: Number,
      at: Date,
    },
    { versionKey: false },
  ),
  'item_changes',
);

const pending = new Set<string>();
let pendingEverything = false;
/** States of pending items as this process wrote them (format 2), while the batch is small. */
const pendingStates = new Map<string, { item: Item | null; bytes: number }>();
let pendingBytes = 0;
/** The batch outgrew the bounds: its entry carries no state. */
let pendingTooLarge = false;
let pendingWrittenAfter = Infinity;
/** The last entry number this process saw written (a lower bound of the head). */
let knownHead = 0;

function seen(seq: number): void {
  if (seq > knownHead) knownHead = seq;
}

/**
 * The last entry number this process saw: taken before a write whose states are noted
 * (noteItemsWritten), every entry after it may be about a later write of the same items.
 */
export function knownItemChangesHead(): number {
  return knownHead;
}

/** Notes items this process changed; the next bumpItemsVersion() writes them down. */
export function noteItemsChanged(ids: Iterable<string>): void {
  for (const id of ids) {
    pending.add(id);
    // Changed again since its state was noted: that state is no longer the one to carry.
    const noted = pendingStates.get(id);
    if (noted) {
      pendingBytes -= noted.bytes;
      pendingStates.delete(id);
    }
  }
}

/**
 * Whether `count` more states fit in the next entry; when they do not, the entry carries
 * none (a batch is carried whole or read back whole), and the writer need not build them.
 */
export function itemStatesWanted(count: number): boolean {
  if (!pendingTooLarge && pendingStates.size + count <= CARRIED_MAX_ITEMS) return true;
  dropPendingStates();
  return false;
}

function dropPendingStates(): void {
  pendingTooLarge = true;
  pendingStates.clear();
  pendingBytes = 0;
}

/**
 * Notes items this process just wrote with their state as written: `item` the published
 * item with the fields the search index reads, `null` withdrawn. `before`: what
 * knownItemChangesHead() answered before the write. Beyond the bounds the whole batch goes
 * back to ids only.
 */
export function noteItemsWritten(states: Iterable<{ id: string; item: Item | null }>, before: number): void {
  for (const { id, item } of states) {
    noteItemsChanged([id]);
    if (pendingTooLarge) continue;
    const bytes = item ? JSON.stringify(item).length : id.length;
    if (pendingStates.size >= CARRIED_MAX_ITEMS || pendingBytes + bytes > CARRIED_MAX_BYTES) {
      dropPendingStates();
      continue;
    }
    pendingStates.set(id, { item, bytes });
    pendingBytes += bytes;
    pendingWrittenAfter = Math.min(pendingWrittenAfter, before);
  }
}

/** Notes a change of items not listed one by one. */
export function noteEverythingChanged(): void {
  pendingEverything = true;
}

/** The states an entry carries, by id (format 2 only). */
function statesOf(doc: ChangeDoc): Map<string, Item | null> | undefined {
  if (!(Number(doc.v) >= 2) || typeof doc.writtenAfter !== 'number') return undefined;
  const states = new Map<string, Item | null>();
  for (const item of doc.carried ?? []) if (item && typeof item.id === 'string') states.set(item.id, item);
  for (const id of doc.gone ?? []) states.set(String(id), null);
  return states.size ? states : undefined;
}

function toChange(doc: ChangeDoc): ItemChange {
  const states = statesOf(doc);
  return {
    seq: Number(doc._id),
    ids: (doc.ids ?? []).map(String),
    ...(doc.everything ? { everything: true } : {}),
    ...(doc.partners?.length ? { partners: doc.partners.map(String) } : {}),
    ...(doc.directory || doc.partners?.length ? { directory: true } : {}),
    ...(doc.storedSeq !== undefined && doc.storedSeq !== null ? { storedSeq: Number(doc.storedSeq) } : {}),
    ...(states ? { states, writtenAfter: Number(doc.writtenAfter) } : {}),
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
  const states = pendingTooLarge ? [] : [...pendingStates];
  const writtenAfter = pendingWrittenAfter;
  pending.clear();
  pendingEverything = false;
  pendingStates.clear();
  pendingBytes = 0;
  pendingTooLarge = false;
  pendingWrittenAfter = Infinity;
  const carried = states.flatMap(([, s]) => (s.item ? [s.item] : []));
  const gone = states.flatMap(([id, s]) => (s.item ? [] : [id]));
  const body = {
    v: CHANGE_FORMAT,
    ids,
    ...(states.length ? { writtenAfter } : {}),
    ...(carried.length ? { carried } : {}),
    ...(gone.length ? { gone } : {}),
    ...(everything ? { everything: true } : {}),
    ...(partners.length ? { partners } : {}),
    ...(directory ? { directory: true } : {}),
    ...(extra.storedSeq !== undefined ? { storedSeq: extra.storedSeq } : {}),
  };
  for (let seq = hint + 1; ; seq++) {
    try {
      await ChangeModel.create({ _id: seq, ...body, at: new Date() });
      seen(seq);
      return seq;
    } catch (err) {
      if (isDuplicateKey(err)) {
        seen(seq);
        continue;
      }
      // Not written: the next announcement carries them (their ids: read back).
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
    seen(seq);
    entries.push(toChange(doc));
  }
  return { entries, behind: entries.length === 0 && hint > after };
}

/** The number of the last entry written (0 when none), probing upwards from `hint`. */
export async function findItemChangesHead(hint: number): Promise<number> {
  let head = hint;
  while (await ChangeModel.exists({ _id: head + 1 })) head++;
  seen(head);
  return head;
}

/** Drops the entries below `below` (a stored full index holds them). */
export async function pruneItemChanges(below: number): Promise<number> {
  if (below <= 1) return 0;
  return (await ChangeModel.deleteMany({ _id: { $lt: below } })).deletedCount;
}
