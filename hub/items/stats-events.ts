/**
 * Tells listeners in this process that an item's likes or comment counts changed, so that
 * listings served from memory (the search index) show them without asking the database.
 */
export type ItemStats = { likes: number; comments: number };
type Listener = (itemId: string, stats: ItemStats) => void;

const listeners = new Set<Listener>();

/** Subscribes; returns the unsubscribe function. */
export function onItemStats(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces an item's current counts. */
export function announceItemStats(itemId: string, stats: ItemStats): void {
  for (const listener of listeners) listener(itemId, stats);
}
