import mongoose, { Schema, model } from 'mongoose';

/**
 * The signature index's journal, `story_journal`: one entry appended per grouped item, one
 * per forgotten (detached) item — never updated, never deleted one by one — and its head,
 * `story_journal_head`: one document whose `stamp` every writer changes after appending
 * (and whose `generation` a rebuild changes). Each hub process keeps the index itself in
 * memory (story-index.ts) and reads the journal only when the head says another process
 * wrote: the entries appended since (`at`, indexed on MongoDB).
 *
 * Why not a document per key read by `_id`: on FerretDB 1.24 (SQLite) a find, update or
 * delete by `_id` scans the whole table (its `_id` index is on another expression than the
 * one its queries use — SQLite's plan says SCAN); only an insert's uniqueness check uses an
 * index. Reads and writes of the one-document head cost the same at any corpus size.
 * Measured: docs/benchmarks.md.
 */
export interface StoryEntry {
  /** The item's id; `x:<itemId>` for its forgetting. Unique: a second append is a no-op. */
  _id: string;
  itemId: string;
  /** When it was appended (by the writer's clock). */
  at: Date;
  partnerId?: string;
  /** The story the item joined, else its own id. */
  storyId?: string;
  /** 16 hex digits; absent for items with too little text. */
  signature?: string;
  /** `u:<canonical address>`; absent when the address does not parse. */
  urlKey?: string;
  /** Set on a forgetting: the item leaves the index. */
  forget?: true;
}

/** The journal's head: what changed last. */
export interface JournalHead {
  /** Changed by every append. */
  stamp?: string;
  /** Changed by every rebuild: readers then read the journal again from the start. */
  generation?: string;
}

export const STORY_JOURNAL = 'story_journal';
export const STORY_JOURNAL_HEAD = 'story_journal_head';

const schema = new Schema<StoryEntry>(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    at: { type: Date, required: true, index: true },
    partnerId: String,
    storyId: String,
    signature: String,
    urlKey: String,
    forget: Boolean,
  },
  { versionKey: false },
);

export const StoryEntryModel = model<StoryEntry>('StoryEntry', schema, STORY_JOURNAL);

function database() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('stories: no database connection');
  return db;
}

/** The journal as the driver's typed collection (entries have string ids). */
export const journalCollection = () => database().collection<StoryEntry>(STORY_JOURNAL);

const heads = () => database().collection<JournalHead & { _id: string }>(STORY_JOURNAL_HEAD);

/** The journal's head; null before the first append (or after a drop). */
export async function readJournalHead(): Promise<JournalHead | null> {
  return heads().findOne({ _id: 'head' }, { projection: { _id: 0 } });
}

/** Sets fields of the head (one document: found and updated without reading the journal). */
export async function writeJournalHead(fields: JournalHead): Promise<void> {
  await heads().updateOne({ _id: 'head' }, { $set: fields }, { upsert: true });
}

/** Empties the journal and its head for a rebuild, under a new generation. */
export async function restartStoryJournal(generation: string): Promise<void> {
  const db = database();
  for (const name of [STORY_JOURNAL, STORY_JOURNAL_HEAD])
    await db.dropCollection(name).catch((err: { code?: unknown; codeName?: unknown }) => {
      if (err?.code !== 26 && err?.codeName !== 'NamespaceNotFound') throw err;
    });
  await StoryEntryModel.createIndexes();
  await writeJournalHead({ generation });
}
