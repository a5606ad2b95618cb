/**
 * Current likes and comment counts for listings, without a database query on the search
 * path. The index carries the counts as of its build; this process hears of every change
 * it makes (announceItemStats) and overlays them until a newer index includes them.
 * Changes made by another hub process show after this process's next index build.
 */
import { onItemStats, type ItemStats } from '../items/index.js';

export class StatsOverlay {
  private readonly live = new Map<string, { stats: ItemStats; at: number }>();
  private readonly unsubscribe: () => void;

  constructor(private readonly maxEntries = 50_000) {
    this.unsubscribe = onItemStats((id, stats) => this.set(id, stats));
  }

  /** Records an item's current counts. */
  set(id: string, stats: ItemStats): void {
    if (this.live.size >= this.maxEntries) this.live.clear();
    this.live.set(id, { stats, at: Date.now() });
  }

  /** The counts to show: the live ones when known, else those of the index. */
  get(id: string, fromIndex: ItemStats): ItemStats {
    return this.live.get(id)?.stats ?? fromIndex;
  }

  /** Drops what an index whose data was read at `readAt` already includes. */
  forgetBefore(readAt: number): void {
    for (const [id, entry] of this.live) if (entry.at < readAt) this.live.delete(id);
  }

  close(): void {
    this.unsubscribe();
  }
}
