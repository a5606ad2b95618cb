/**
 * The signature index in memory: key (`u:<canonical address>`, `b<band>:<16 bits>`) →
 * members. Each hub process holds it, built from the journal (story-journal-model.ts) at
 * its first grouping. Before each batch it reads the journal's one-document head: when the
 * stamp is the one it last saw, no other process appended and nothing more is read; so a
 * lookup is a Map access and the database work per batch is the head, the batch's appended
 * entries and a new stamp — none of it depends on the number of items indexed.
 *
 * When another process appended, the entries of the last minute before the newest one
 * applied here and after are read (`at`: an index range on MongoDB; FerretDB 1.24 filters
 * the whole journal to answer it — one read of every entry, only then), and those not yet
 * applied are. A new generation (a rebuild) or a missing head means reading it all again.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { bulkWriteInChunks, isDuplicateKey } from '../db/index.js';
import { bandKeys } from './simhash.js';
import {
  journalCollection,
  readJournalHead,
  writeJournalHead,
  type JournalHead,
  type StoryEntry,
} from './story-journal-model.js';

/** One member of a key's bucket: an item, its partner, its story and its signature. */
export interface StoryMember {
  itemId: string;
  partnerId: string;
  storyId: string;
  signature?: string;
}

/** Members of one key kept, the first ones: a bucket crowded by boilerplate stays cheap. */
export const MAX_MEMBERS = 64;
/** How far before the newest entry applied a catch-up reads: writers' clocks and in-flight appends. */
const SKEW_MS = 60_000;
/** Journal entries per round trip. */
const READ_BATCH = 1000;

interface IndexState {
  /** The connection's database the state was read from (tests and restores change it). */
  db: object | undefined;
  buckets: Map<string, StoryMember[]>;
  /** Journal ids already applied (own appends are applied as they are written). */
  applied: Set<string>;
  /** The journal was read into this state. */
  loaded: boolean;
  /** The newest `at` applied, in ms. */
  latest: number;
  /** The head as last seen (read, or written by us with no other writer between). */
  head?: JournalHead;
}

const fresh = (db: object | undefined): IndexState => ({
  db,
  buckets: new Map(),
  applied: new Set(),
  loaded: false,
  latest: 0,
});
let state: IndexState = fresh(undefined);

/** The keys of an entry: its address and its signature's bands. */
export function entryKeys(entry: Pick<StoryEntry, 'urlKey' | 'signature'>): string[] {
  const bands = entry.signature ? bandKeys(entry.signature) : [];
  return entry.urlKey ? [entry.urlKey, ...bands] : bands;
}

/** Applies an entry here; false when it already was. */
function applyLocally(entry: StoryEntry): boolean {
  if (state.applied.has(entry._id)) return false;
  state.applied.add(entry._id);
  state.latest = Math.max(state.latest, new Date(entry.at).getTime() || 0);
  for (const key of entryKeys(entry)) {
    const bucket = state.buckets.get(key);
    if (entry.forget) {
      if (bucket)
        state.buckets.set(
          key,
          bucket.filter((m) => m.itemId !== entry.itemId),
        );
      continue;
    }
    const member: StoryMember = {
      itemId: entry.itemId,
      partnerId: entry.partnerId ?? '',
      storyId: entry.storyId ?? entry.itemId,
      ...(entry.signature ? { signature: entry.signature } : {}),
    };
    if (!bucket) state.buckets.set(key, [member]);
    else if (bucket.length < MAX_MEMBERS) bucket.push(member);
  }
  return true;
}

/** Journal entries appended after `since` (all without it), oldest first. */
async function readEntries(since: Date | undefined): Promise<StoryEntry[]> {
  const docs = await journalCollection()
    .find(since ? { at: { $gt: since } } : {}, { batchSize: READ_BATCH })
    .toArray();
  return docs.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

const sameHead = (a: JournalHead | null | undefined, b: JournalHead | null | undefined) =>
  !!a && !!b && a.stamp === b.stamp && a.generation === b.generation;

/**
 * Brings the index up to date with what every process appended. Returns how many journal
 * entries it read and how many of them were new here (both 0 when the head is unchanged).
 */
export async function catchUpStoryIndex(): Promise<{ read: number; applied: number }> {
  const db = mongoose.connection.db;
  if (state.db !== db) state = fresh(db);
  const head = await readJournalHead();
  if (state.loaded && sameHead(head, state.head)) return { read: 0, applied: 0 };
  const again = !state.loaded || !head || head.generation !== state.head?.generation;
  if (again) state = fresh(db);
  const entries = await readEntries(again ? undefined : new Date(state.latest - SKEW_MS));
  let applied = 0;
  for (const entry of entries) if (applyLocally(entry)) applied++;
  state.loaded = true;
  state.head = head ?? undefined;
  return { read: entries.length, applied };
}

/** Members of a key, in the order they joined (at most MAX_MEMBERS). */
export function membersOf(key: string): readonly StoryMember[] {
  return state.buckets.get(key) ?? [];
}

async function insertEntries(entries: StoryEntry[]): Promise<void> {
  await bulkWriteInChunks(
    entries.map((document) => ({ insertOne: { document } })),
    async (chunk) => {
      try {
        return await journalCollection().bulkWrite(chunk, { ordered: false });
      } catch (err) {
        const errors = (err as { writeErrors?: { err?: unknown }[] }).writeErrors;
        if (errors?.length && errors.every((w) => isDuplicateKey(w.err ?? w))) return {};
        throw err;
      }
    },
  );
}

/**
 * Applies entries here and appends them to the journal by unique inserts (an entry already
 * there is skipped), in chunks, then changes the head's stamp. If the head had changed
 * since we last saw it, another process wrote meanwhile: ours is not taken as seen, so the
 * next catch-up reads. On failure the memory is dropped, to be read again from the journal.
 */
export async function appendToJournal(entries: StoryEntry[]): Promise<void> {
  if (!entries.length) return;
  for (const entry of entries) applyLocally(entry);
  try {
    await insertEntries(entries);
    const before = await readJournalHead();
    const stamp = randomBytes(8).toString('hex');
    await writeJournalHead({ stamp });
    const seen = sameHead(before, state.head) || (!before && !state.head);
    const generation = state.head?.generation;
    state.head = seen ? { ...before, stamp } : generation ? { generation } : undefined;
  } catch (err) {
    state = fresh(undefined);
    throw err;
  }
}

/** Forgets what this process holds (a rebuild, a test); the next catch-up reads it all. */
export function resetStoryIndex(): void {
  state = fresh(undefined);
}

/** What the index holds, for the benchmark and the tests. */
export function storyIndexStats(): { entries: number; keys: number; largestBucket: number } {
  let largest = 0;
  for (const bucket of state.buckets.values()) largest = Math.max(largest, bucket.length);
  return { entries: state.applied.size, keys: state.buckets.size, largestBucket: largest };
}
