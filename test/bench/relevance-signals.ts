/**
 * The fourth relevance pass's measurements (not a benchmark; `node --import tsx
 * test/bench/relevance-signals.ts [prf] [rm3] [bm25] [questions]`, items cached in the file
 * REL_CACHE names, as relevance-tune.ts does). Each line of signal is run as a grid on the
 * TUNING part only and printed as hits@1 / hits@5 / MRR; the held-out part is never
 * searched here. docs/search-relevance.md « Fourth pass » gives the results.
 *
 * - prf: pseudo-relevance feedback as a re-ranking of the first 100 results by the terms
 *   of the first k results' titles (+ summary or keywords), interpolated with the score;
 * - rm3: RM3 proper: those terms, weighted, added to the query as an optional group, and
 *   the query run again;
 * - bm25: lunr's BM25 k1 and a per-field b (weights recomputed from one analysis pass);
 * - questions: the question-fiche rule (internal/question-order.ts) off, and its depth and
 *   share swept.
 */
import { foldedWords, isStopWord, stemWord } from '../../hub/search/analysis/index.js';
import { buildSearchIndex, type IndexableItem, type SearchIndex } from '../../hub/search/index.js';
import { hasBit } from '../../hub/search/internal/bitset.js';
import { findTerm } from '../../hub/search/internal/postings.js';
import { PostingsBuilder } from '../../hub/search/internal/postings-builder.js';
import { orderQuestions } from '../../hub/search/internal/question-order.js';
import { runQuery, topMatches } from '../../hub/search/internal/run-query.js';
import { getShippedThesaurus, matchIndex } from '../../hub/search/search-items.js';
import { isQuestionWord } from '../../hub/search/thesaurus/index.js';
import { loadRelevanceCases } from './relevance.bench.js';
import { DILA_PARTNERS, loadDilaItemsCached } from './relevance/dila-items.js';

const which = process.argv.slice(2);
const items = loadDilaItemsCached();
const byId = new Map(items.map((i) => [i.id, i]));
const thesaurus = getShippedThesaurus();
// Only the tuning part: the held-out part stays a check nobody tunes to.
const cases = loadRelevanceCases().filter((c) => c.part === 'tuning');

/** The PostingsBuilder of the last build, kept to recompute its weights (bm25). */
let lastBuilder: PostingsBuilder | undefined;
/** Per-field b for the next weights (null: lunr's own computation). */
let fieldB: number[] | null = null;
type FillTarget = { docs: Uint32Array; weights: Uint32Array; offsets: Uint32Array };
type BuilderInternals = {
  fields: string[];
  boosts: number[];
  documents: number;
  builder: { _k1: number };
  fieldStarts: { data: Uint32Array; length: number };
  fieldLengths: { data: Uint32Array };
  entryTerms: { data: Uint32Array; length: number };
  entryTfs: { data: Uint32Array };
  fillEntries: (postings: FillTarget, rank: Uint32Array, idf: Float64Array, average: number[]) => void;
};
const proto = PostingsBuilder.prototype as unknown as BuilderInternals & { finish: () => unknown };
const lunrFinish = proto.finish;
proto.finish = function (this: PostingsBuilder) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- kept to recompute its weights (bm25)
  lastBuilder = this;
  return lunrFinish.call(this);
};
const lunrFill = proto.fillEntries;
proto.fillEntries = function (
  this: BuilderInternals,
  postings: FillTarget,
  rank: Uint32Array,
  idf: Float64Array,
  average: number[],
) {
  if (!fieldB) return lunrFill.call(this, postings, rank, idf, average);
  // lunr.Builder#createFieldVectors with b per field (postings-builder.ts fillEntries).
  const F = this.fields.length;
  const k1 = this.builder._k1;
  const cursor = postings.offsets.slice(0, -1);
  for (let doc = 0, df = 0; doc < this.documents; doc++) {
    for (let f = 0; f < F; f++, df++) {
      const length = this.fieldLengths.data[df]!;
      const b = fieldB[f]!;
      const end = df + 1 < this.fieldStarts.length ? this.fieldStarts.data[df + 1]! : this.entryTerms.length;
      for (let e = this.fieldStarts.data[df]!; e < end; e++) {
        const id = this.entryTerms.data[e]!;
        const at = cursor[rank[id]! * F + f]!++;
        postings.docs[at] = doc;
        const tf = this.entryTfs.data[e]!;
        const score = (idf[id]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / average[f]!)) + tf);
        postings.weights[at] = Math.round(score * this.boosts[f]! * 1000);
      }
    }
  }
};

const t0 = Date.now();
const index: SearchIndex = buildSearchIndex(items, DILA_PARTNERS);
console.log(`build ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const askedBy = index.docs.askedBy;

interface Ranked {
  id: string;
  score: number;
}
type Rerank = (q: string, ranked: Ranked[]) => Ranked[];

/** The first 100 results, the question rule off (`questions`: on, with these settings). */
function engine(q: string, questions?: { depth?: number; liftShare?: number }): Ranked[] {
  index.docs.askedBy = undefined;
  const m = matchIndex(index, { q }, thesaurus);
  index.docs.askedBy = askedBy;
  if (!m.found || !m.plan) return [];
  const keep = (doc: number) => hasBit(m.matches, doc);
  if (questions) orderQuestions(index, m.plan, m.found, keep, thesaurus.derivations, questions);
  return topMatches(m.found, 100, keep).map((i) => ({
    id: index.docs.ids[m.found!.docs[i]!]!,
    score: m.found!.scores[i]!,
  }));
}

function evaluate(search: (q: string) => Ranked[]): string {
  const ranks = cases.map((c) => search(c.q).findIndex((r) => c.ids.includes(r.id)) + 1);
  const share = (ok: (r: number) => boolean) => ((ranks.filter(ok).length / ranks.length) * 100).toFixed(1);
  const mrr = ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length;
  return `h1=${share((r) => r === 1)} h5=${share((r) => r >= 1 && r <= 5)} mrr=${mrr.toFixed(3)}`;
}

const contentStems = (text: string) =>
  foldedWords(text)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !isStopWord(w) && !isQuestionWord(w))
    .map(stemWord);
const SOURCES: Record<string, (item: IndexableItem) => string> = {
  title: (i) => i.title,
  summary: (i) => i.summary ?? '',
  keywords: (i) => (i.keywords ?? []).join(' '),
};
const stemCache = new Map<string, string[]>();
/** The content stems of an item's sources (cached: every grid setting asks again). */
function stemsOf(id: string, sources: string[]): string[] {
  return sources.flatMap((source) => {
    const key = `${source}:${id}`;
    let stems = stemCache.get(key);
    if (!stems) stemCache.set(key, (stems = contentStems(SOURCES[source]!(byId.get(id)!))));
    return stems;
  });
}

/** The feedback model: stems of the first k results, each result weighted by its share of their scores. */
function feedbackTerms(ranked: Ranked[], k: number, m: number, sources: string[], skip: (stem: string) => boolean) {
  const top = ranked.slice(0, k);
  const total = top.reduce((s, r) => s + r.score, 0);
  const model = new Map<string, number>();
  for (const r of top) {
    const stems = stemsOf(r.id, sources);
    for (const stem of stems) if (!skip(stem)) model.set(stem, (model.get(stem) ?? 0) + r.score / total / stems.length);
  }
  return [...model].sort((a, b) => b[1] - a[1]).slice(0, m);
}

function prf(k: number, m: number, lambda: number, sources: string[]): Rerank {
  return (q, ranked) => {
    if (ranked.length < 2) return ranked;
    const query = new Set(contentStems(q));
    const terms = feedbackTerms(ranked, k, m, sources, (s) => query.has(s));
    const z = terms.reduce((s, t) => s + t[1], 0) || 1;
    const best = ranked[0]!.score;
    return ranked
      .map((r) => {
        const stems = new Set(stemsOf(r.id, sources));
        const feedback = terms.reduce((s, [t, w]) => s + (stems.has(t) ? w / z : 0), 0);
        return { r, s: (1 - lambda) * (r.score / best) + lambda * feedback };
      })
      .sort((a, b) => b.s - a.s)
      .map((x) => x.r);
  };
}

function rm3(q: string, k: number, m: number, beta: number, sources: string[]): Ranked[] {
  const ranked = engine(q);
  const plan = matchIndex(index, { q }, thesaurus).plan;
  if (!plan || ranked.length < 2 || plan.slots.length >= 31) return ranked;
  const terms = feedbackTerms(ranked, k, m, sources, (s) => plan.clauses.has(s) || findTerm(index.postings, s) < 0);
  if (terms.length === 0) return ranked;
  const slot = new Map(terms.map(([t, w]) => [t, (beta * w) / terms[0]![1]]));
  plan.slots.push(slot);
  for (const [t, w] of slot) if ((plan.clauses.get(t) ?? 0) < w) plan.clauses.set(t, w);
  plan.groups.push({ word: '(feedback)', required: false, options: [1 << (plan.slots.length - 1)] });
  return runPlan(plan);
}

function runPlan(plan: NonNullable<ReturnType<typeof matchIndex>['plan']>): Ranked[] {
  const found = runQuery(index, plan);
  return topMatches(found, 100).map((i) => ({ id: index.docs.ids[found.docs[i]!]!, score: found.scores[i]! }));
}

console.log(`start (rule off) ${evaluate((q) => engine(q))}`);
console.log(`question rule (shipped) ${evaluate((q) => engine(q, {}))}`);

if (which.includes('questions')) {
  for (const depth of [3, 5, 10, 20])
    for (const liftShare of [0.5, 2 / 3, 0.75, 1, 2])
      console.log(
        `questions depth=${depth} lift=${liftShare.toFixed(2)} ${evaluate((q) => engine(q, { depth, liftShare }))}`,
      );
}

if (which.includes('prf')) {
  for (const sources of [['title'], ['title', 'summary'], ['title', 'keywords']])
    for (const k of [3, 5, 10])
      for (const m of [5, 10, 20])
        for (const lambda of [0.05, 0.1, 0.2, 0.35]) {
          const rerank = prf(k, m, lambda, sources);
          console.log(`prf ${sources.join('+')} k=${k} m=${m} λ=${lambda} ${evaluate((q) => rerank(q, engine(q)))}`);
        }
}

if (which.includes('rm3')) {
  for (const sources of [['title'], ['title', 'summary'], ['title', 'keywords']])
    for (const k of [3, 5, 10])
      for (const m of [5, 10, 20])
        for (const beta of [0.1, 0.2, 0.4])
          console.log(
            `rm3 ${sources.join('+')} k=${k} m=${m} β=${beta} ${evaluate((q) => rm3(q, k, m, beta, sources))}`,
          );
}

if (which.includes('bm25')) {
  // Fields: title, summary, meta, keywords, anchors, body.
  const builder = lastBuilder as unknown as BuilderInternals & { finish: () => SearchIndex['postings'] };
  for (const k1 of [0.6, 1.2, 2])
    for (const bTitle of [0.3, 0.75, 1])
      for (const bWording of [0.3, 0.75])
        for (const bBody of [0.5, 0.75, 0.9]) {
          builder.builder._k1 = k1;
          fieldB = [bTitle, 0.75, 0.75, bWording, bWording, bBody];
          (index as { postings: SearchIndex['postings'] }).postings = builder.finish();
          const alone = evaluate((q) => engine(q));
          console.log(
            `bm25 k1=${k1} b=${fieldB.join('/')} ${alone} | with the question rule ${evaluate((q) => engine(q, {}))}`,
          );
        }
}
