/**
 * Tuning helper (not a benchmark; `node --import tsx test/bench/relevance-tune.ts`): loads
 * the DILA items once (cached in the file REL_CACHE names, if any: the connector takes
 * minutes on a loaded machine), builds the index and lists every TUNING query whose answer
 * is not first, with its rank, its type and what ranks above it — the input of the miss
 * table in docs/search-relevance.md. The held-out part is neither listed nor totalled.
 */
import { buildSearchIndex } from '../../hub/search/index.js';
import { engineRanking, loadRelevanceCases } from './relevance.bench.js';
import { DILA_PARTNERS, loadDilaItemsCached } from './relevance/dila-items.js';

const items = loadDilaItemsCached();
const t0 = Date.now();
const index = buildSearchIndex(items, DILA_PARTNERS);
console.log(`build ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const byId = new Map(items.map((i) => [i.id, i]));
const kind = (id: string) => (byId.get(id)?.categories ?? [])[0] ?? '?';
const pc = (r: number[], ok: (x: number) => boolean) => ((r.filter(ok).length / r.length) * 100).toFixed(1);
const sc = (r: number[]) =>
  `n=${r.length} h1=${pc(r, (x) => x === 1)} h5=${pc(r, (x) => x >= 1 && x <= 5)} mrr=${(r.reduce((s, x) => s + (x ? 1 / x : 0), 0) / r.length).toFixed(3)}`;
const cases = loadRelevanceCases();
const ranks = { tuning: [] as number[], 'held-out': [] as number[] };
for (const c of cases) {
  const ranked = engineRanking(index, c.q);
  const at = ranked.findIndex((id) => c.ids.includes(id));
  const rank = at < 0 ? 0 : at + 1;
  ranks[c.part].push(rank);
  // Only the tuning part is ever listed: the held-out part stays a check nobody tunes to.
  if (c.part !== 'tuning' || rank === 1) continue;
  console.log(
    `\n[${rank}] ${c.q}  → ${c.ids.map((id) => `${id} « ${byId.get(id)?.title} » (${kind(id)})`).join(' / ')}`,
  );
  for (const id of ranked.slice(0, Math.min(3, rank ? rank - 1 : 3)))
    console.log(`    ${id} « ${byId.get(id)?.title} » (${kind(id)})`);
}
console.log(`\nTUNING ${sc(ranks.tuning)}`);
