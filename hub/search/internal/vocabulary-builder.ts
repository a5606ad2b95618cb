/** Collects the surface vocabulary while documents are indexed. */
import { isStopWord } from '../analysis/index.js';
import type { Vocabulary } from './vocabulary.js';

const DIGITS = /^[0-9]+$/;
const MAX_VOCABULARY_WORD = 30;

/** Counts words and their spellings; `finish()` returns the sorted vocabulary. */
export class VocabularyBuilder {
  private readonly counts = new Map<string, number>();
  /** Spellings that differ from the folded word (`Nouméa`, `été`), with their counts. */
  private readonly spellings = new Map<string, Map<string, number>>();

  /** Records one occurrence of a word; stop words, numbers and one-letter words are skipped. */
  add(surface: string, folded: string): void {
    if (folded.length < 2 || folded.length > MAX_VOCABULARY_WORD || isStopWord(folded) || DIGITS.test(folded)) return;
    this.counts.set(folded, (this.counts.get(folded) ?? 0) + 1);
    if (surface === folded) return;
    let forms = this.spellings.get(folded);
    if (!forms) this.spellings.set(folded, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  }

  /** The vocabulary, words sorted, each with its most frequent spelling. */
  finish(): Vocabulary {
    const words = [...this.counts.keys()].sort();
    const freq = new Uint32Array(words.length);
    const display = words.map((word, i) => {
      const total = this.counts.get(word)!;
      freq[i] = total;
      return this.pickSpelling(word, total);
    });
    return { words, display, freq };
  }

  private pickSpelling(word: string, total: number): string {
    const forms = this.spellings.get(word);
    if (!forms) return '';
    // Lower-case spellings weigh double, so `Permis` at the head of titles does not beat
    // `permis` in running text, while `Nouméa` (never written lower-case) keeps its capital.
    let best = '';
    let bestWeight = 2 * (total - [...forms.values()].reduce((a, b) => a + b, 0));
    for (const [form, count] of forms) {
      const weight = form === form.toLowerCase() ? 2 * count : count;
      if (weight > bestWeight) [best, bestWeight] = [form, weight];
    }
    return best;
  }
}
