/**
 * Long queries (a pasted sentence or paragraph) are cut, not refused: at most
 * MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words, at a word boundary, so what is
 * searched is exactly what the response says was searched.
 */
import { forEachWord } from './analysis/index.js';
import { MAX_QUERY_WORDS } from './internal/query-plan.js';

export const MAX_QUERY_LENGTH = 200;

/** The query cut at a word boundary, and whether it was cut. */
export function truncateQuery(q: string): { text: string; truncated: boolean } {
  let end = -1;
  let words = 0;
  let cut = false;
  forEachWord(q, (_surface, _folded, _start, wordEnd) => {
    if (cut) return;
    if (words === MAX_QUERY_WORDS || wordEnd > MAX_QUERY_LENGTH) {
      cut = true;
      return;
    }
    words++;
    end = wordEnd;
  });
  if (!cut && q.length <= MAX_QUERY_LENGTH) return { text: q, truncated: false };
  // A first word longer than the limit: its first MAX_QUERY_LENGTH characters.
  const text = end < 0 ? q.slice(0, MAX_QUERY_LENGTH) : q.slice(0, end);
  return { text: text.trim(), truncated: true };
}
