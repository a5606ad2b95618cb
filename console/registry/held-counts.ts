/**
 * The navigation's counters held in memory for a second, per scope (role and partner): each
 * is a query of another domain (an aggregate of comments, broken links, labs, wishes,
 * notifications, failing sources), 2–20 ms on a loaded FerretDB, and every console page
 * shows them. Stale-while-revalidate (`heldValues`, hub/held): a count younger than
 * FRESH_MS is served as is; one younger than MAX_AGE_MS is served while one refresh runs in
 * the background (a page never waits for it); an older one, or none, is read before the
 * page. So a count shown is never older than MAX_AGE_MS (counted from the start of its
 * read) — another hub process's or a citizen's change shows within 2 s.
 *
 * Read-your-writes: every unsafe request this process answers (console form, admin API,
 * public comment) drops every held count when it ends (`countsChanged`), before its
 * response leaves; a count read before that write and landing after it is discarded.
 */
import { heldValues } from '../../hub/held/index.js';

export const FRESH_MS = 1_000;
export const MAX_AGE_MS = 2_000;

const counts = heldValues<number>({ freshMs: FRESH_MS, maxAgeMs: MAX_AGE_MS, pruneAbove: 1_000 });
/**
 * The rows of « À traiter » beside their counts, by the same rule and dropped by the same
 * writes: the home page read every section's rows (an aggregate of comments, broken links,
 * labs, wishes) on each visit, several FerretDB queries in a page that was 10× /healthz.
 */
const rows = heldValues<readonly unknown[]>({ freshMs: FRESH_MS, maxAgeMs: MAX_AGE_MS, pruneAbove: 1_000 });

/** Forgets every held count and row: this process wrote something a counter may count. */
export function countsChanged(): void {
  counts.forget();
  rows.forget();
}

/** The count under `key`: held, held while refreshed, or read now (see the header). */
export function heldCount(key: string, compute: () => PromiseLike<number>): Promise<number> {
  return counts.get(key, compute);
}

/** Rows under `key` (« À traiter »), held like the counts; the caller must not change them. */
export function heldRows<T>(key: string, compute: () => PromiseLike<readonly T[]>): Promise<readonly T[]> {
  return rows.get(key, compute) as Promise<readonly T[]>;
}
