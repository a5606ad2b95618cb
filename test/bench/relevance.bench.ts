/**
 * npm run bench -- relevance [--misses]: the relevance test set (relevance/queries.json)
 * over the whole DILA corpus, read by the real connector. Prints hits@1, hits@5 and MRR for
 * the tuning part, the held-out part and both, next to a word-in-title baseline computed
 * in the same run on the same items. `--misses` lists the tuning part's misses (never the
 * held-out part's: it stays a check nobody tunes to).
 */
import { readFileSync } from 'node:fs';
import { foldedWords, isStopWord } from '../../hub/search/analysis/index.js';
import { buildSearchIndex, searchItems, type IndexableItem, type SearchIndex } from '../../hub/search/index.js';
import { fmt, timed } from './lib.js';
import { DILA_PARTNERS, loadDilaItems } from './relevance/dila-items.js';

export interface RelevanceCase {
  q: string;
  ids: string[];
  part: 'tuning' | 'held-out';
}

/** Rank depth considered: an answer below it counts as not found (reciprocal rank 0). */
const DEPTH = 100;

export function loadRelevanceCases(): RelevanceCase[] {
  return JSON.parse(readFileSync(new URL('relevance/queries.json', import.meta.url), 'utf8')) as RelevanceCase[];
}

/** Folded words of a text, stop words left out. */
function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !isStopWord(w));
}

/**
 * The baseline: items ranked by how many distinct query words appear as words of their
 * title (accents and case folded, stop words dropped, no stemming), shorter titles first on
 * ties. This is "a plain word-in-title match".
 */
export function createTitleBaseline(items: readonly IndexableItem[]): (q: string) => string[] {
  const titles = items.map((item) => ({ id: item.id, words: new Set(contentWords(item.title)) }));
  return (q) => {
    const words = [...new Set(contentWords(q))];
    const scored: { id: string; score: number; length: number }[] = [];
    for (const t of titles) {
      let score = 0;
      for (const w of words) if (t.words.has(w)) score++;
      if (score > 0) scored.push({ id: t.id, score, length: t.words.size });
    }
    scored.sort((a, b) => b.score - a.score || a.length - b.length);
    return scored.slice(0, DEPTH).map((s) => s.id);
  };
}

/** Rank (1-based) of the first expected id, or 0 when absent. */
function rankOf(ranked: readonly string[], expected: readonly string[]): number {
  const at = ranked.findIndex((id) => expected.includes(id));
  return at < 0 ? 0 : at + 1;
}

interface Scores {
  count: number;
  hits1: number;
  hits5: number;
  mrr: number;
}

function score(ranks: number[]): Scores {
  const count = ranks.length;
  return {
    count,
    hits1: ranks.filter((r) => r === 1).length / count,
    hits5: ranks.filter((r) => r >= 1 && r <= 5).length / count,
    mrr: ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / count,
  };
}

export function engineRanking(index: SearchIndex, q: string): string[] {
  return searchItems(index, { q, limit: DEPTH }).items.map((hit) => hit.id);
}

const pct = (x: number) => `${fmt(x * 100, 1)} %`;

function row(label: string, engine: Scores, baseline: Scores): string {
  return `| ${label} | ${engine.count} | ${pct(engine.hits1)} | ${pct(engine.hits5)} | ${fmt(engine.mrr, 3)} | ${pct(baseline.hits1)} | ${pct(baseline.hits5)} | ${fmt(baseline.mrr, 3)} | ${fmt((engine.hits5 - baseline.hits5) * 100, 1)} |`;
}

export async function runRelevanceBench(): Promise<void> {
  const showMisses = process.argv.includes('--misses');
  const load = await timed(() => loadDilaItems());
  const items = load.result;
  const build = await timed(() => buildSearchIndex(items, DILA_PARTNERS));
  const index = build.result;
  const baseline = createTitleBaseline(items);
  const cases = loadRelevanceCases();
  const known = new Set(items.map((i) => i.id));
  const unknown = cases.flatMap((c) => c.ids.filter((id) => !known.has(id)));
  if (unknown.length) throw new Error(`relevance: expected ids not in the corpus: ${unknown.join(', ')}`);
  const results = cases.map((c) => ({
    ...c,
    engine: rankOf(engineRanking(index, c.q), c.ids),
    baseline: rankOf(baseline(c.q), c.ids),
  }));
  const part = (name?: string) => results.filter((r) => !name || r.part === name);
  console.log(
    `\n### Relevance (${items.length.toLocaleString('en')} DILA items via the comarquage connector; load ${fmt(load.ms / 1000, 1)} s, build ${fmt(build.ms / 1000, 1)} s)\n`,
  );
  console.log(
    '| part | queries | hits@1 | hits@5 | MRR | title hits@1 | title hits@5 | title MRR | hits@5 gain (points) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [label, name] of [
    ['tuning', 'tuning'],
    ['held-out', 'held-out'],
    ['all', undefined],
  ] as const) {
    const rows = part(name);
    console.log(row(label, score(rows.map((r) => r.engine)), score(rows.map((r) => r.baseline))));
  }
  if (showMisses) {
    console.log('\nTuning misses (rank > 5; 0 = not in the first 100):');
    for (const r of part('tuning').filter((r) => r.engine === 0 || r.engine > 5)) {
      const top = engineRanking(index, r.q).slice(0, 3);
      console.log(`- ${r.q} → expected ${r.ids.join('/')} at ${r.engine}; top: ${top.join(', ')}`);
    }
  }
}
