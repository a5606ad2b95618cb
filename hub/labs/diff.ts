/**
 * Word diffs between two revisions (jsdiff). Each part says in words what it is, so the
 * diff reads without colour: the console marks insertions <ins> and deletions <del> and
 * announces them as « ajouté » / « supprimé » to screen readers.
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words inserted and deleted. */
  inserted: number;
  deleted: number;
  /** The same diff as plain text: [+ ajouté : …] and [- supprimé : …]. */
  readable: string;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A changed part's text cut into its surrounding whitespace and its words (markers go round the words). */
export function splitSpace(text: string): { lead: string; core: string; trail: string } {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return { lead: match?.[1] ?? '', core: match?.[2] ?? text, trail: match?.[3] ?? '' };
}

/** The word diff from `before` to `after`. */
export function diffRevisions(before: string, after: string): WordDiff {
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
  let inserted = 0;
  let deleted = 0;
  let readable = '';
  for (const part of parts) {
    if (part.op === 'equal') {
      readable += part.text;
      continue;
    }
    const { lead, core, trail } = splitSpace(part.text);
    if (part.op === 'insert') inserted += countWords(core);
    else deleted += countWords(core);
    readable +=
      part.op === 'insert' ? `${lead}[+ ajouté : ${core} +]${trail}` : `${lead}[- supprimé : ${core} -]${trail}`;
  }
  return { parts, inserted, deleted, readable };
}
