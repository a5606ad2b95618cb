/**
 * Which changed items a hub can lay over its index from the change log itself, and which it
 * must read back (hub/items change-log.ts, format 2; issue 17). An entry of a small batch
 * carries the state its writer left its items in; that state is the latest only if no later
 * write of the same item was announced in an entry numbered before it — a write by another
 * process that appended its entry first. Such an entry can only lie between the last number
 * the writer had seen before writing (`writtenAfter`) and the entry itself: the hub uses a
 * carried state only when it knows every entry in between and none names the item.
 */
/** What this module reads of a change-log entry. */
export interface LoggedChange<T = unknown> {
  seq: number;
  ids: readonly string[];
  everything?: boolean;
  states?: ReadonlyMap<string, T | null>;
  writtenAfter?: number;
}

/** Entries remembered, for entries written a little later than others. */
const KEEP = 1000;

/** The ids of the entries a hub read lately (its own memory: nothing is read for it). */
export class RecentChanges {
  private readonly bySeq = new Map<number, ReadonlySet<string> | null>();

  constructor(private readonly keep = KEEP) {}

  /** Remembers an entry's ids (`null`: it names items it does not list). */
  remember(change: LoggedChange): void {
    this.bySeq.set(change.seq, change.everything ? null : new Set(change.ids));
    for (const seq of this.bySeq.keys()) {
      if (this.bySeq.size <= this.keep) break;
      this.bySeq.delete(seq);
    }
  }

  /** Whether every entry after `after` and before `before` is remembered and none names `id`. */
  private clearBetween(after: number, before: number, id: string): boolean {
    for (let seq = after + 1; seq < before; seq++) {
      const ids = this.bySeq.get(seq);
      if (!ids || ids.has(id)) return false;
    }
    return true;
  }

  /**
   * Sorts the items `entries` name (in log order): those whose carried state can be laid over
   * the index as it is (`states`: the item, `null` withdrawn) and those to read back (`read`).
   * An item named by several entries takes what the last says.
   */
  sort<T>(entries: readonly LoggedChange<T>[]): { states: Map<string, T | null>; read: Set<string> } {
    const states = new Map<string, T | null>();
    const read = new Set<string>();
    for (const entry of entries) {
      for (const id of entry.ids) {
        const carried = entry.states?.get(id);
        if (
          carried !== undefined &&
          entry.writtenAfter !== undefined &&
          this.clearBetween(entry.writtenAfter, entry.seq, id)
        ) {
          states.set(id, carried);
          read.delete(id);
        } else {
          read.add(id);
          states.delete(id);
        }
      }
      this.remember(entry);
    }
    return { states, read };
  }
}
