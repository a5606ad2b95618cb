/**
 * The navigation's counters held in memory for a second, per scope (role and partner): each
 * is a query of another domain (an aggregate of comments, broken links, labs, wishes,
 * notifications, failing sources), 2–20 ms on a loaded FerretDB, and every console page
 * shows them. Stale-while-revalidate: a count younger than FRESH_MS is served as is; one
 * younger than MAX_AGE_MS is served while one refresh runs in the background (a page never
 * waits for it); an older one, or none, is read before the page. So a count shown is never
 * older than MAX_AGE_MS (counted from the start of its read) — another hub process's or a
 * citizen's change shows within 2 s.
 *
 * Read-your-writes: every unsafe request this process answers (console form, admin API,
 * public comment) drops every held count when it ends (`countsChanged`), before its
 * response leaves; a count read before that write and landing after it is discarded.
 */
export const FRESH_MS = 1_000;
export const MAX_AGE_MS = 2_000;
/** Above this many held counts, the expired ones are dropped (scopes come and go). */
const PRUNE_ABOVE = 1_000;

interface Held {
  value: number;
  /** When the read that gave it started: the count is at least this recent. */
  readAt: number;
}

const held = new Map<string, Held>();
const reading = new Map<string, Promise<number>>();
let generation = 0;

/** Forgets every held count: this process wrote something a counter may count. */
export function countsChanged(): void {
  generation += 1;
  held.clear();
  reading.clear();
}

function prune(now: number): void {
  if (held.size <= PRUNE_ABOVE) return;
  for (const [key, h] of held) if (now - h.readAt >= MAX_AGE_MS) held.delete(key);
}

function read(key: string, compute: () => PromiseLike<number>): Promise<number> {
  const current = reading.get(key);
  if (current) return current;
  const startedIn = generation;
  const readAt = Date.now();
  const promise = Promise.resolve(compute())
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

/** The count under `key`: held, held while refreshed, or read now (see the header). */
export function heldCount(key: string, compute: () => PromiseLike<number>): Promise<number> {
  const h = held.get(key);
  const age = h ? Date.now() - h.readAt : Infinity;
  if (h && age < FRESH_MS) return Promise.resolve(h.value);
  if (h && age < MAX_AGE_MS) {
    // The page takes the held value; a failed refresh leaves it to age and be read again.
    read(key, compute).then(undefined, () => undefined);
    return Promise.resolve(h.value);
  }
  return read(key, compute);
}
