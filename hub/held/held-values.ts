/**
 * Values held in memory for about a second, per key: the console's pages read the same few
 * small facts on every request (the navigation's counters, the signed-in agent, the
 * sources' token), each a FerretDB round trip of 2–20 ms under load. Holding each for a
 * second bounds how stale it can be and takes the reads off most pages.
 *
 * The rule, per key:
 * - a value younger than `freshMs` (counted from the start of the read that gave it) is
 *   served as is;
 * - one younger than `maxAgeMs` (stale-while-revalidate, when `maxAgeMs > freshMs`) is
 *   served while one refresh runs in the background — the caller never waits for it;
 * - an older one, or none, is read before it is served.
 * Concurrent callers share one read of a key. `forget(key)` (or `forget()` for every key)
 * is this process's write: the value is dropped, a read in flight is no longer shared, and
 * any read that overlapped the write is not kept (it may predate it) — read-your-writes.
 */
export interface HeldOptions {
  /** Served as is below this age (ms). */
  freshMs: number;
  /** Served while refreshed below this age (ms); defaults to `freshMs` (no stale serving). */
  maxAgeMs?: number;
  /** Above this many held keys, the expired ones are dropped (keys come and go). */
  pruneAbove?: number;
}

export interface HeldValues<T> {
  /** The value of `key`: held, held while refreshed, or read now (see the header). */
  get(key: string, read: () => PromiseLike<T>): Promise<T>;
  /** This process wrote `key` (or, without one, anything held here). */
  forget(key?: string): void;
}

export function heldValues<T>(options: HeldOptions): HeldValues<T> {
  const { freshMs, pruneAbove = 1_000 } = options;
  const maxAgeMs = Math.max(options.maxAgeMs ?? freshMs, freshMs);
  const held = new Map<string, { value: T; readAt: number }>();
  const reading = new Map<string, Promise<T>>();
  let generation = 0;

  function prune(now: number): void {
    if (held.size <= pruneAbove) return;
    for (const [key, h] of held) if (now - h.readAt >= maxAgeMs) held.delete(key);
  }

  function readNow(key: string, read: () => PromiseLike<T>): Promise<T> {
    const current = reading.get(key);
    if (current) return current;
    const startedIn = generation;
    const readAt = Date.now();
    let started: PromiseLike<T>;
    try {
      started = read();
    } catch (error) {
      started = Promise.reject(error);
    }
    const promise = Promise.resolve(started)
      .then((value) => {
        // A write of this process ended during the read: the value may predate it.
        if (startedIn === generation) {
          held.set(key, { value, readAt });
          prune(readAt);
        }
        return value;
      })
      .finally(() => {
        if (reading.get(key) === promise) reading.delete(key);
      });
    reading.set(key, promise);
    return promise;
  }

  return {
    get(key, read) {
      const h = held.get(key);
      const age = h ? Date.now() - h.readAt : Infinity;
      if (h && age < freshMs) return Promise.resolve(h.value);
      if (h && age < maxAgeMs) {
        // The caller takes the held value; a failed refresh leaves it to age and be read again.
        readNow(key, read).then(undefined, () => undefined);
        return Promise.resolve(h.value);
      }
      return readNow(key, read);
    },
    forget(key) {
      generation += 1;
      if (key === undefined) {
        held.clear();
        reading.clear();
      } else {
        held.delete(key);
        reading.delete(key);
      }
    },
  };
}
