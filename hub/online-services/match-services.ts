/**
 * Which services answer a query (pure): the query's French words (folded, stemmed, stop
 * words dropped — the search's own analysis) looked up in each service's name, keywords,
 * provider and description. A service answers when it holds at least two thirds of the
 * words (all of them for one or two words) and one of them is in its name or keywords;
 * the last word also matches as a prefix (the user may still be typing).
 */
import { foldedWords, isStopWord, stemWord } from '../search/index.js';
import type { ServiceDoc } from './service-model.js';

const WEIGHTS = { name: 10, keywords: 4, provider: 2, description: 1 } as const;
type Field = keyof typeof WEIGHTS;

/** A service with its words analysed once. */
export interface PreparedService {
  doc: ServiceDoc;
  terms: Record<Field, Set<string>>;
}

/** The stems of a text's words, stop words left out. */
export function toTerms(text: string): string[] {
  return foldedWords(text)
    .filter((w) => !isStopWord(w))
    .map(stemWord);
}

/** Analyses a service for matching. */
export function prepareService(doc: ServiceDoc): PreparedService {
  const set = (text: string) => new Set(toTerms(text));
  return {
    doc,
    terms: {
      name: set(doc.name),
      keywords: set(doc.keywords.join(' ')),
      provider: set(doc.provider ?? ''),
      description: set(doc.description ?? ''),
    },
  };
}

/** The services answering `q`, best first (more words found, then a higher weight, then by name). */
export function matchServices(services: readonly PreparedService[], q: string): ServiceDoc[] {
  const words = [...new Set(toTerms(q))].slice(0, 12);
  if (!words.length) return [];
  const needed = words.length <= 2 ? words.length : Math.ceil((words.length * 2) / 3);
  const scored: { doc: ServiceDoc; found: number; score: number }[] = [];
  for (const service of services) {
    let found = 0;
    let score = 0;
    let inTitle = false;
    words.forEach((word, index) => {
      const weight = weightOf(service, word, index === words.length - 1);
      if (!weight) return;
      found++;
      score += weight;
      if (weight >= WEIGHTS.keywords) inTitle = true;
    });
    if (found >= needed && inTitle) scored.push({ doc: service.doc, found, score });
  }
  return scored
    .sort((a, b) => b.found - a.found || b.score - a.score || a.doc.name.localeCompare(b.doc.name, 'fr'))
    .map((s) => s.doc);
}

/** The weight of the best field holding the word (or, for the last word, a word it begins). */
function weightOf(service: PreparedService, word: string, prefix: boolean): number {
  for (const field of Object.keys(WEIGHTS) as Field[]) {
    const terms = service.terms[field];
    if (terms.has(word)) return WEIGHTS[field];
    if (prefix && word.length >= 3) for (const t of terms) if (t.startsWith(word)) return WEIGHTS[field];
  }
  return 0;
}
