/**
 * Item pages read their item by id and prepare its content. Both are kept for the current
 * data version of the search index: when ingestion changes items and the new index is in
 * place, the version changes and the cache starts again, so a change shows within one index
 * build — and a page asked for again costs no database read (on FerretDB an _id lookup
 * takes ~25 ms at 10,000 items).
 */
import type { Item } from '../../schemas/index.js';
import { prepareContent, type PreparedContent } from './prepare-content.js';

export interface CachedItem {
  item: Item;
  content?: PreparedContent;
}

export interface ItemCache {
  /** The published item and its prepared content, or undefined. */
  get(id: string, version: string): Promise<CachedItem | undefined>;
}

/** A bounded cache (least recently used first out) in front of `find`. */
export function createItemCache(find: (id: string) => Promise<Item | undefined>, max = 1000): ItemCache {
  let version = '';
  let entries = new Map<string, Promise<CachedItem | undefined>>();
  return {
    get(id, currentVersion) {
      if (currentVersion !== version) {
        version = currentVersion;
        entries = new Map();
      }
      const hit = entries.get(id);
      if (hit) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
        entries.delete(id);
        entries.set(id, hit);
        return hit;
      }
      const loading = find(id).then((item) =>
        item ? { item, ...(item.content ? { content: prepareContent(item.content) } : {}) } : undefined,
      );
      // A failed read is not kept: the next request tries again.
      loading.catch(() => entries.delete(id));
      entries.set(id, loading);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return loading;
    },
  };
}
