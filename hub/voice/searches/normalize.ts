/** A search as it is counted: normalized so that variants of one question add up, and its ISO week. */

/** Longest query kept, in characters (a pasted paragraph is not a question to count whole). */
export const MAX_QUERY_LENGTH = 100;

/** Lower case, accents folded, punctuation and spaces squeezed, capped at a word boundary. */
export function normalizeQuery(q: string): string {
  const folded = q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}'’-]+/gu, ' ')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (folded.length <= MAX_QUERY_LENGTH) return folded;
  const cut = folded.slice(0, MAX_QUERY_LENGTH + 1);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_QUERY_LENGTH / 2 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY_LENGTH)).trim();
}

/** The ISO 8601 week of a date, « 2026-W49 » (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (UTC) that starts an ISO week, or undefined for a malformed week. */
export function weekStart(week: string): Date | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 53) return undefined;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000);
  return new Date(monday.getTime() + (n - 1) * 7 * 86_400_000);
}
