/**
 * « Vous vouliez dire … » from the index's own vocabulary: each query word the corpus does
 * not hold (4+ letters, not a stop or question word) is replaced by the most frequent word
 * within 1 typo (2 from 7 letters; first letter kept, as for typo matching). Plain text.
 */
import { foldWord, forEachWord, isStopWord } from '../analysis/index.js';
import { isQuestionWord } from '../thesaurus/index.js';
import { displayWord, findSimilar, hasWord, type Vocabulary } from './vocabulary.js';

const MIN_LENGTH = 4;

/** The query with unknown words corrected, or null when nothing was corrected. */
export function correctQuery(vocab: Vocabulary, q: string): string | null {
  let out = '';
  let last = 0;
  let changed = false;
  forEachWord(q, (_surface, folded, start, end) => {
    if (folded.length < MIN_LENGTH || isStopWord(folded) || isQuestionWord(folded) || hasWord(vocab, folded)) return;
    const [best] = findSimilar(vocab, folded, folded.length >= 7 ? 2 : 1, 1);
    if (best === undefined) return;
    const word = displayWord(vocab, best);
    out += q.slice(last, start) + word;
    last = end;
    changed ||= foldWord(word) !== folded;
  });
  return changed ? (out + q.slice(last)).trim() : null;
}
