/**
 * Highlighted snippets: ~200 characters of the summary (or, failing a match there, of the
 * stored content excerpt) around the best cluster of matches. Everything is HTML-escaped
 * and only our own <mark> tags are added, so a snippet is safe HTML.
 */
import { escapeHtml } from '../../../connectors/text/index.js';
import { forEachWord, stemWord } from '../analysis/index.js';
import type { QueryPlan } from './query-plan.js';

export const SNIPPET_LENGTH = 200;
/** Characters of context kept before the first match of the window. */
const LEAD = 40;

export { escapeHtml };

/** Decides whether a folded word is a match: one of the query's words, or sharing a stem. */
export function createMatcher(plan: QueryPlan): (folded: string) => boolean {
  const stems = new Set(plan.clauses.keys());
  return (folded) => plan.highlightWords.has(folded) || (folded.length >= 3 && stems.has(stemWord(folded)));
}

interface Span {
  start: number;
  end: number;
}

function findMatches(text: string, isMatch: (folded: string) => boolean): Span[] {
  const spans: Span[] = [];
  forEachWord(text, (_surface, folded, start, end) => {
    if (isMatch(folded)) spans.push({ start, end });
  });
  return spans;
}

/** Start of the window holding the most matches (windows start shortly before a match). */
function pickWindowStart(text: string, spans: Span[], length: number): number {
  if (text.length <= length || spans.length === 0) return 0;
  let best = 0;
  let bestCount = -1;
  for (const span of spans.slice(0, 20)) {
    const start = Math.max(0, Math.min(span.start - LEAD, text.length - length));
    const count = spans.filter((s) => s.start >= start && s.end <= start + length).length;
    if (count > bestCount) [best, bestCount] = [start, count];
  }
  return best;
}

/** Moves a cut to a word boundary: forward for a start, backward for an end. */
function snapToSpace(text: string, at: number, forward: boolean): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const space = forward ? text.indexOf(' ', at) : text.lastIndexOf(' ', at);
  if (space === -1 || Math.abs(space - at) > 30) return at;
  return forward ? space + 1 : space;
}

function render(text: string, spans: Span[], from: number, to: number): string {
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    html += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  html += escapeHtml(text.slice(at, to));
  return to < text.length ? `${html.trimEnd()}…` : html;
}

/** A safe-HTML snippet of the first source that has a match (else of the first non-empty one). */
export function makeSnippet(
  sources: readonly string[],
  isMatch: ((folded: string) => boolean) | null,
  length = SNIPPET_LENGTH,
): string {
  const texts = sources.filter((s) => s.length > 0);
  for (const text of isMatch ? texts : []) {
    const spans = findMatches(text, isMatch!);
    if (spans.length === 0) continue;
    const start = snapToSpace(text, pickWindowStart(text, spans, length), true);
    return render(text, spans, start, snapToSpace(text, start + length, false));
  }
  const text = texts[0] ?? '';
  return render(text, [], 0, snapToSpace(text, length, false));
}
