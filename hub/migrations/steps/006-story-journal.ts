/**
 * The signature index moves from `story_keys` (a document per key, read and updated by
 * `_id`: on FerretDB 1.24 each of those reads scans the collection) to the append-only
 * journal `story_journal` that each hub holds in memory (hub/stories/story-index.ts). This
 * writes the journal from the published items, oldest first, grouping as ingestion would.
 *
 * Expand only: `story_keys` is left as it is for hubs of schema 5 still serving (they read
 * and write it; items they ingest meanwhile are not in the journal until the index is
 * rebuilt). A later contract step (readableFrom 6) may drop it.
 */
import { listIndexableItems } from '../../items/index.js';
import { rebuildStoryIndex } from '../../stories/index.js';
import type { Migration } from '../types.js';

export const storyJournal: Migration = {
  id: '006-story-journal',
  version: 6,
  description: 'the signature index of story grouping becomes an append-only journal held in memory by each hub',
  async up({ progress }) {
    const items = (await listIndexableItems()).sort(
      (a, b) =>
        (a.publishedAt ?? a.firstSeenAt).localeCompare(b.publishedAt ?? b.firstSeenAt) || a.id.localeCompare(b.id),
    );
    const result = await rebuildStoryIndex(items);
    progress(`migration 006-story-journal: ${result.items} item(s) in the journal, ${result.grouped} joined a story`);
    return result;
  },
};
