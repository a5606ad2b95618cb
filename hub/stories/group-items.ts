/**
 * Grouping at ingestion: a new item joins the story of an item of ANOTHER partner that has
 * the same canonical address, or a text signature at most MAX_DISTANCE bits away. Cost per
 * new item is a handful of `_id` lookups in the signature index (one query per batch),
 * whatever the number of items stored — never a pairwise comparison with the corpus.
 *
 * Races: two processes grouping the same story at the same instant may each found their
 * own story (FerretDB updates are not atomic); the items then stay apart until a partner's
 * next item joins one of them. Nothing is lost: every member is pushed to its keys.
 */
import { setItemStories } from '../items/index.js';
import { canonicalizeUrl } from './canonical-url.js';
import { bandKeys, computeSimhash, hammingDistance, toWords } from './simhash.js';
import { StoryKeyModel, type StoryMember } from './story-key-model.js';
import { bulkWriteInChunks } from '../db/index.js';

/** Largest signature distance still taken as the same text (measured: docs/stories.md). */
export const MAX_DISTANCE = 3;
/** Members of one key looked at, at most: a bucket crowded by boilerplate stays cheap. */
const MAX_MEMBERS = 64;

/** What grouping reads of an item. */
export interface GroupableItem {
  id: string;
  partnerId: string;
  url: string;
  title: string;
  summary?: string;
  content?: string;
}

interface Keyed {
  item: GroupableItem;
  urlKey?: string;
  signature?: string;
  bands: string[];
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

function findStory(keyed: Keyed, buckets: Map<string, StoryMember[]>): string | undefined {
  const other = (m: StoryMember) => m.partnerId !== keyed.item.partnerId;
  const sameUrl = keyed.urlKey ? buckets.get(keyed.urlKey)?.slice(0, MAX_MEMBERS).find(other) : undefined;
  if (sameUrl) return sameUrl.storyId;
  for (const band of keyed.bands) {
    const near = buckets
      .get(band)
      ?.slice(0, MAX_MEMBERS)
      .find((m) => other(m) && m.signature && hammingDistance(m.signature, keyed.signature!) <= MAX_DISTANCE);
    if (near) return near.storyId;
  }
  return undefined;
}

/**
 * Groups newly stored items (in order: an earlier one may found the story of a later one)
 * and records them in the signature index. Returns itemId → storyId for those that joined
 * a story; the others are stories of their own (no storyId written).
 */
export async function groupNewItems(items: GroupableItem[]): Promise<Map<string, string>> {
  const keyed: Keyed[] = items.map((item) => ({ item, ...computeStoryKeys(item) }));
  const allKeys = [...new Set(keyed.flatMap((k) => (k.urlKey ? [k.urlKey, ...k.bands] : k.bands)))];
  const buckets = new Map<string, StoryMember[]>();
  if (allKeys.length)
    for (const doc of await StoryKeyModel.find({ _id: { $in: allKeys } }).lean()) buckets.set(doc._id, doc.members);
  const joined = new Map<string, string>();
  const pushes = new Map<string, StoryMember[]>();
  for (const k of keyed) {
    const storyId = findStory(k, buckets);
    if (storyId) joined.set(k.item.id, storyId);
    const member: StoryMember = {
      itemId: k.item.id,
      partnerId: k.item.partnerId,
      storyId: storyId ?? k.item.id,
      ...(k.signature ? { signature: k.signature } : {}),
    };
    for (const key of k.urlKey ? [k.urlKey, ...k.bands] : k.bands) {
      // Only the first MAX_MEMBERS of a key are ever looked at: a crowded key (boilerplate
      // text, numbered notices) takes no more, or every batch would read and rewrite a
      // document growing with the corpus.
      const bucket = buckets.get(key) ?? [];
      if (bucket.length >= MAX_MEMBERS) continue;
      bucket.push(member);
      buckets.set(key, bucket);
      pushes.set(key, [...(pushes.get(key) ?? []), member]);
    }
  }
  if (pushes.size)
    await bulkWriteInChunks(
      [...pushes].map(([key, members]) => ({
        updateOne: { filter: { _id: key }, update: { $push: { members: { $each: members } } }, upsert: true },
      })),
      (chunk) => StoryKeyModel.bulkWrite(chunk, { ordered: false }),
    );
  await setItemStories(joined);
  return joined;
}

/** Takes an item out of the signature index, so no later item joins a story through it. */
export async function forgetStoryKeys(item: GroupableItem): Promise<void> {
  const { urlKey, bands } = computeStoryKeys(item);
  const keys = urlKey ? [urlKey, ...bands] : bands;
  if (keys.length) await StoryKeyModel.updateMany({ _id: { $in: keys } }, { $pull: { members: { itemId: item.id } } });
}

/**
 * Rebuilds the signature index from every published item, oldest first, grouping as
 * ingestion would have (migration 005). Idempotent: the index is emptied first.
 */
export async function rebuildStoryIndex(
  items: (GroupableItem & { storyDetached?: boolean })[],
  batchSize = 500,
): Promise<{ items: number; grouped: number }> {
  await StoryKeyModel.deleteMany({});
  const live = items.filter((i) => !i.storyDetached);
  let grouped = 0;
  for (let i = 0; i < live.length; i += batchSize) grouped += (await groupNewItems(live.slice(i, i + batchSize))).size;
  return { items: live.length, grouped };
}
