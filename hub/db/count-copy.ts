/**
 * A stored count kept equal to its records (an item's likes and comments, a wish's
 * supports): count the records, read the stored copy;
 * stop when equal, else write the count and check again.
 *
 * Why not `$inc`: FerretDB 1.24 applies it as an unisolated read-modify-write and loses
 * concurrent increments, while inserts under a unique index and deletes are exact. A
 * writer stops only after seeing the copy equal to a count taken after its own change,
 * so once changes stop the copy is exact, whatever the number of hub processes. Within a
 * process, concurrent requests for one key share a pass: the pass that has not started
 * yet will see every change made before it starts.
 */

export interface CountCopy<T = number> {
  /** The truth: counts the records of a key. */
  count(key: string): Promise<T>;
  /** The stored copy; undefined when the owner is gone (nothing to keep in line). */
  read(key: string): Promise<unknown>;
  write(key: string, value: T): Promise<void>;
  /** Whether the stored copy equals the truth (default: ===). */
  same?(stored: unknown, truth: T): boolean;
}

const MAX_ROUNDS = 12;

interface Pending<T> {
  queued?: Promise<T>;
  running: Promise<unknown>;
}

/** Returns `sync(key)`: brings the copy in line with the records, resolves with the exact count. */
export function createCountSync<T = number>(copy: CountCopy<T>): (key: string) => Promise<T> {
  const pending = new Map<string, Pending<T>>();
  const same = copy.same ?? ((stored: unknown, truth: T) => stored === truth);

  async function reconcile(key: string): Promise<T> {
    let truth = await copy.count(key);
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const stored = await copy.read(key);
      if (stored === undefined || same(stored, truth)) return truth;
      await copy.write(key, truth);
      // Other processes may be writing too: back off a little, then check again.
      if (round > 2) await new Promise((r) => setTimeout(r, Math.random() * 20 * round));
      truth = await copy.count(key);
    }
    return truth;
  }

  return function sync(key: string): Promise<T> {
    const current = pending.get(key);
    if (current?.queued) return current.queued;
    const entry: Pending<T> = { running: current?.running ?? Promise.resolve() };
    const pass = entry.running
      .catch(() => undefined)
      .then(() => {
        entry.queued = undefined;
        return reconcile(key);
      });
    entry.queued = pass;
    entry.running = pass
      .finally(() => {
        if (pending.get(key) === entry) pending.delete(key);
      })
      .catch(() => undefined);
    pending.set(key, entry);
    return pass;
  };
}
