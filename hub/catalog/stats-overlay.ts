/**
 * Fresh likes and comment counts for search results. The index holds the counts as of its
 * build; listings read the current ones from MongoDB, cached a few seconds so that a busy
 * search page costs one small query now and then, not one per request.
 */
import { ItemModel } from '../items/index.js';

type Stats = { likes: number; comments: number };

export class StatsOverlay {
  private readonly cache = new Map<string, { stats: Stats; at: number }>();

  constructor(private readonly maxAgeMs = 5_000, private readonly maxEntries = 20_000) {}

  /** Current stats of these items (missing ids are left out). */
  async get(ids: string[]): Promise<Map<string, Stats>> {
    const now = Date.now();
    const out = new Map<string, Stats>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (hit && now - hit.at < this.maxAgeMs) out.set(id, hit.stats);
      else missing.push(id);
    }
    if (missing.length) {
      const docs = await ItemModel.find({ _id: { $in: missing } }, { stats: 1 }).lean<{ _id: string; stats?: Stats }[]>();
      if (this.cache.size > this.maxEntries) this.cache.clear();
      for (const d of docs) {
        const stats = { likes: d.stats?.likes ?? 0, comments: d.stats?.comments ?? 0 };
        this.cache.set(d._id, { stats, at: now });
        out.set(d._id, stats);
      }
    }
    return out;
  }

  /** Forgets an item's cached stats (after a like or a comment in this process). */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
