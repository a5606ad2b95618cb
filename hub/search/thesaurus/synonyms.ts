/**
 * Synonym entries and their compiled form. An entry lists terms (words or phrases): all
 * equivalent, or — `oneWay` — the first expanding to the others. Compiled, every term
 * becomes its sequence of stems (folded, stop words dropped, stemmed like the index), so a
 * query matches an entry whatever its accents, case and plurals.
 */
import { foldedWords, isStopWord, stemWord } from '../analysis/index.js';

export interface SynonymEntry {
  /** Stable id: `shipped:…` for the shipped list, else the admin entry's id. */
  id: string;
  terms: string[];
  /** The first term expands to the others, not the reverse. */
  oneWay: boolean;
  /** Where it comes from (provenance), e.g. DILA's fiches or an admin. */
  source: string;
}

/** One way to rewrite a run of query stems. */
export interface SynonymRule {
  /** Stems the query must hold, consecutive (stop words between them are ignored). */
  match: string[];
  /** Each alternative is a sequence of stems, all of which a document must hold. */
  alternatives: string[][];
}

/** A term of more words (stop words included) is only an expansion, never looked for in queries (nobody types a sigle's full name). */
export const MAX_MATCH_WORDS = 8;

export interface SynonymTable {
  /** Rules by their first stem, longest match first. */
  readonly byFirst: ReadonlyMap<string, readonly SynonymRule[]>;
  readonly entries: readonly SynonymEntry[];
}

/** The stems of a term: `Complémentaire santé` → [complementair, sant]. */
export function stemTerm(term: string): string[] {
  return foldedWords(term)
    .filter((w) => !isStopWord(w))
    .map(stemWord);
}

/**
 * Parses the text form, one entry a line: `a, b, c` (equivalent), `a => b, c` (one way) or
 * `a = b` (equivalent, b may hold commas); `#` starts a comment line. Ids are
 * `shipped:<prefix>:<first term folded>` (stable when lines move; `-2`… on repeats).
 */
export function parseSynonymText(text: string, prefix: string, source: string): SynonymEntry[] {
  const entries: SynonymEntry[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((raw) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [left = '', right] = line.split('=>');
    // `SIGLE = expansion` (DILA's sigles): an expansion may itself hold commas.
    const parts =
      right !== undefined ? [left, ...right.split(',')] : line.includes(' = ') ? line.split(' = ') : line.split(',');
    const terms = parts.map((t) => t.trim()).filter(Boolean);
    if (terms.length < 2) return;
    const base = `shipped:${prefix}:${foldedWords(terms[0]!).join('-')}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    entries.push({ id, terms, oneWay: right !== undefined, source });
  });
  return entries;
}

function addRule(rules: Map<string, SynonymRule>, match: string[], alternatives: string[][]): void {
  const key = match.join(' ');
  const rule = rules.get(key) ?? { match, alternatives: [] };
  const known = new Set(rule.alternatives.map((a) => a.join(' ')));
  for (const alt of alternatives) {
    const altKey = alt.join(' ');
    if (altKey !== key && !known.has(altKey)) {
      known.add(altKey);
      rule.alternatives.push(alt);
    }
  }
  rules.set(key, rule);
}

/** True when queries look for the term (MAX_MATCH_WORDS words at most). */
export function isMatchable(term: string): boolean {
  return foldedWords(term).length <= MAX_MATCH_WORDS;
}

/** Compiles entries into rules looked up by first stem. */
export function compileSynonyms(entries: readonly SynonymEntry[]): SynonymTable {
  const rules = new Map<string, SynonymRule>();
  for (const entry of entries) {
    const kept = entry.terms.filter((t) => stemTerm(t).length > 0);
    const terms = kept.map(stemTerm);
    if (terms.length < 2) continue;
    if (entry.oneWay) addRule(rules, terms[0]!, terms.slice(1));
    else
      terms.forEach((term, i) => {
        if (isMatchable(kept[i]!))
          addRule(
            rules,
            term,
            terms.filter((_t, j) => j !== i),
          );
      });
  }
  const byFirst = new Map<string, SynonymRule[]>();
  for (const rule of rules.values()) {
    if (rule.alternatives.length === 0) continue;
    const list = byFirst.get(rule.match[0]!) ?? [];
    list.push(rule);
    byFirst.set(rule.match[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.match.length - a.match.length);
  return { byFirst, entries };
}
