/**
 * Grouping at ingestion: a new item joins the story of an item of ANOTHER partner that has
 * the same canonical address, or a text signature at most MAX_DISTANCE bits away. The
 * candidates come from the signature index (story-index.ts: in memory, caught up with its
 * journal before each batch), never from a comparison with the corpus; the database work
 * per new item is one appended journal entry, whatever the number of items stored.
 *
 * Races: two processes grouping the same story at the same instant may each found their
 * own story (neither has read the other's entry yet); the items then stay apart until a
 * partner's next item joins one of them. Nothing is lost: every entry is in the journal.
 */
import { mapInSlices, setItemStories } from '../items/index.js';
import { canonicalizeUrl } from './canonical-url.js';
import { computeSimhash, hammingDistance, toWords, bandKeys } from './simhash.js';
import { randomBytes } from 'node:crypto';
import {
  appendToJournal,
  catchUpStoryIndex,
  entryKeys,
  membersOf,
  resetStoryIndex,
  type StoryMember,
} from './story-index.js';
import { restartStoryJournal, type StoryEntry } from './story-journal-model.js';

/** Largest signature distance still taken as the same text (measured: docs/stories.md). */
export const MAX_DISTANCE = 3;

/** What grouping reads of an item. */
export interface GroupableItem {
  id: string;
  partnerId: string;
  url: string;
  title: string;
  summary?: string;
  content?: string;
}

/** The keys of an item in the signature index: its address and its signature's bands. */
export function computeStoryKeys(item: GroupableItem): { urlKey?: string; signature?: string; bands: string[] } {
  const canonical = canonicalizeUrl(item.url);
  const signature = computeSimhash(toWords(`${item.title} ${item.content || item.summary || ''}`));
  return {
    ...(canonical ? { urlKey: `u:${canonical}` } : {}),
    ...(signature ? { signature } : {}),
    bands: signature ? bandKeys(signature) : [],
  };
}

function findStory(
  partnerId: string,
  keys: ReturnType<typeof computeStoryKeys>,
  lookup: (key: string) => readonly StoryMember[],
): string | undefined {
  const other = (m: StoryMember) => m.partnerId !== partnerId;
  const sameUrl = keys.urlKey ? lookup(keys.urlKey).find(other) : undefined;
  if (sameUrl) return sameUrl.storyId;
  for (const band of keys.bands) {
    const near = lookup(band).find(
      (m) => other(m) && m.signature && hammingDistance(m.signature, keys.signature!) <= MAX_DISTANCE,
    );
    if (near) return near.storyId;
  }
  return undefined;
}

/** The stories of a batch about to be stored, and how to record the items that were. */
export interface StoryPlan {
  /** itemId → storyId, for the items that join a story. */
  joined: Map<string, string>;
  /** Records these items (those of the batch actually stored) in the signature index. */
  commit(stored: readonly { id: string }[]): Promise<void>;
}

/**
 * Finds the stories of new items before they are stored, in order (an earlier item of the
 * batch may found the story of a later one), so that ingestion writes `storyId` with the
 * insert — an update by `_id` scans the items on FerretDB. Changes nothing until `commit`.
 */
export async function planNewItemStories(items: GroupableItem[]): Promise<StoryPlan> {
  await catchUpStoryIndex();
  const joined = new Map<string, string>();
  const entries: StoryEntry[] = [];
  const batch = new Map<string, StoryMember[]>();
  const lookup = (key: string) => [...membersOf(key), ...(batch.get(key) ?? [])];
  // The signatures (the CPU's part) in slices; the lookups then in one go, in order.
  const allKeys = await mapInSlices(items, computeStoryKeys);
  for (const [index, item] of items.entries()) {
    const keys = allKeys[index]!;
    const storyId = findStory(item.partnerId, keys, lookup);
    if (storyId) joined.set(item.id, storyId);
    const entry: StoryEntry = {
      _id: item.id,
      itemId: item.id,
      at: new Date(),
      partnerId: item.partnerId,
      storyId: storyId ?? item.id,
      ...(keys.signature ? { signature: keys.signature } : {}),
      ...(keys.urlKey ? { urlKey: keys.urlKey } : {}),
    };
    const member: StoryMember = {
      itemId: item.id,
      partnerId: item.partnerId,
      storyId: entry.storyId!,
      ...(keys.signature ? { signature: keys.signature } : {}),
    };
    for (const key of entryKeys(entry)) batch.set(key, [...(batch.get(key) ?? []), member]);
    entries.push(entry);
  }
  return {
    joined,
    async commit(stored) {
      const ids = new Set(stored.map((i) => i.id));
      await appendToJournal(entries.filter((e) => ids.has(e.itemId)));
    },
  };
}

/**
 * Groups items already stored and records them in the signature index (rebuilds, tests).
 * Returns itemId → storyId for those that joined a story; the others are stories of their
 * own (no storyId written).
 */
export async function groupNewItems(items: GroupableItem[]): Promise<Map<string, string>> {
  const plan = await planNewItemStories(items);
  await plan.commit(items);
  await setItemStories(plan.joined);
  return plan.joined;
}

/**
 * Takes an item out of the signature index, so no later item joins a story through it:
 * one appended entry (no need to read the index first: a process that has not read it yet
 * reads this entry with the others).
 */
export async function forgetStoryKeys(item: GroupableItem): Promise<void> {
  const { urlKey, signature } = computeStoryKeys(item);
  if (!entryKeys({ urlKey, signature }).length) return;
  await appendToJournal([
    {
      _id: `x:${item.id}`,
      itemId: item.id,
      at: new Date(),
      forget: true,
      ...(signature ? { signature } : {}),
      ...(urlKey ? { urlKey } : {}),
    },
  ]);
}

/**
 * Rebuilds the signature index from every published item, oldest first, grouping as
 * ingestion would have (migrations 005, 006). Idempotent: the journal is emptied first.
 * Only items whose story changes are written (each update by `_id` scans on FerretDB).
 */
export async function rebuildStoryIndex(
  items: (GroupableItem & { storyId?: string; storyDetached?: boolean })[],
  batchSize = 500,
): Promise<{ items: number; grouped: number }> {
  await restartStoryJournal(randomBytes(8).toString('hex'));
  resetStoryIndex();
  const live = items.filter((i) => !i.storyDetached);
  let grouped = 0;
  for (let i = 0; i < live.length; i += batchSize) {
    const batch = live.slice(i, i + batchSize);
    const plan = await planNewItemStories(batch);
    await plan.commit(batch);
    grouped += plan.joined.size;
    const current = new Map(batch.map((item) => [item.id, item.storyId]));
    await setItemStories(new Map([...plan.joined].filter(([id, storyId]) => current.get(id) !== storyId)));
  }
  return { items: live.length, grouped };
}
