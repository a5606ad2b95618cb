/**
 * Items stored before story grouping join the signature index (hub/stories), oldest first,
 * so that items ingested from now on are grouped with them too, and the stories among them
 * are found. Additive: `storyId` is a new optional field; older hubs ignore it and the
 * index. (Shipped writing `story_keys`; it now calls the current rebuild, which writes the
 * journal of 006 — the same work, which 006 then does once more.)
 *
 * Numbered 005: 004 belongs to another change in flight. Register it after 004 in
 * registry.ts (versions must run 1, 2, 3… without a gap).
 */
import { listIndexableItems } from '../../items/index.js';
import { rebuildStoryIndex } from '../../stories/index.js';
import type { Migration } from '../types.js';

export const storyKeys: Migration = {
  id: '005-story-keys',
  version: 5,
  description: 'items stored before story grouping join the signature index; the stories among them are grouped',
  async up({ progress }) {
    const items = (await listIndexableItems()).sort(
      (a, b) =>
        (a.publishedAt ?? a.firstSeenAt).localeCompare(b.publishedAt ?? b.firstSeenAt) || a.id.localeCompare(b.id),
    );
    const result = await rebuildStoryIndex(items);
    progress(`migration 005-story-keys: ${result.items} item(s) indexed, ${result.grouped} joined a story`);
    return result;
  },
};
