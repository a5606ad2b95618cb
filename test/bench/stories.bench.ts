/**
 * One result per story. Part 1: SimHash distances on the fixtures' real texts — relays of
 * one text (what partners do to it) against unrelated pairs — the figures behind
 * MAX_DISTANCE. Part 2: the cost of grouping new items with a signature index of 1,000
 * then BENCH_STORIES_LARGE (default 50,000) items; baseline: inserting the same items
 * (insertItems), in the same process. Flat per-item cost = an index, not a comparison.
 */
import { insertItems } from '../../hub/items/index.js';
import { StoryKeyModel } from '../../hub/stories/story-key-model.js';
import {
  bandKeys,
  computeSimhash,
  computeStoryKeys,
  groupNewItems,
  hammingDistance,
  MAX_DISTANCE,
  MIN_WORDS,
  toWords,
} from '../../hub/stories/index.js';
import type { ItemInput } from '../../schemas/index.js';
import { benchDatabase, fmt, timed } from './lib.js';
import { loadFixtureTexts, RELAYS } from './stories-corpus.js';

function summarize(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `${s.length} | ${s[0]} | ${at(0.5)} | ${at(0.95)} | ${s[s.length - 1]}`;
}

function runThresholdPart(): void {
  const texts = loadFixtureTexts()
    .map((t) => ({ ...t, words: toWords(t.text) }))
    .filter((t) => t.words.length >= MIN_WORDS);
  console.log(`\n## SimHash distances on the fixtures (${texts.length} texts of ≥ ${MIN_WORDS} words)\n`);
  console.log('| pairs | count | min | median | p95 | max |');
  console.log('|---|---|---|---|---|---|');
  const classes = [
    { name: 'short (< 150 words)', of: texts.filter((t) => t.words.length < 150) },
    { name: 'long (≥ 150 words)', of: texts.filter((t) => t.words.length >= 150) },
  ];
  for (const relay of RELAYS)
    for (const c of classes) {
      const d = c.of
        .map((t) => [computeSimhash(t.words)!, computeSimhash(relay.edit(t.words))] as const)
        .filter(([, b]) => b !== undefined)
        .map(([a, b]) => hammingDistance(a, b!));
      console.log(`| relay: ${relay.name}, ${c.name} | ${summarize(d)} |`);
    }
  const sigs = texts.map((t) => computeSimhash(t.words)!);
  const unrelated: number[] = [];
  for (let i = 0; i < sigs.length; i++)
    for (let j = i + 1; j < sigs.length; j++) unrelated.push(hammingDistance(sigs[i]!, sigs[j]!));
  console.log(`| unrelated fixture pairs | ${summarize(unrelated)} |`);
  const falseHits = unrelated.filter((d) => d <= MAX_DISTANCE).length;
  console.log(`\nMAX_DISTANCE = ${MAX_DISTANCE}: ${falseHits} unrelated pair(s) at or under it.`);
}

function makeItem(i: number, prefix: string): ItemInput {
  const words = Array.from({ length: 40 }, (_, w) => `mot${(i * 7919 + w * 104729) % 100_003}`);
  return {
    id: `${prefix}-${i}`,
    partnerId: i % 2 ? 'noumea' : 'province-sud',
    sourceId: `bench-${prefix}`,
    guid: `${prefix}-${i}`,
    url: `https://www.example.nc/${prefix}/${i}`,
    title: `Annonce ${prefix} ${i}`,
    content: `<p>${words.join(' ')}</p>`,
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    language: 'fr',
    contentHash: `${prefix}-${i}`,
  } as ItemInput;
}

/** Fills the signature index as N grouped items would have. */
async function fillIndex(n: number): Promise<void> {
  const buckets = new Map<string, { itemId: string; partnerId: string; storyId: string; signature?: string }[]>();
  for (let i = 0; i < n; i++) {
    const item = makeItem(i, 'corpus');
    const { urlKey, signature, bands } = computeStoryKeys(item);
    const member = {
      itemId: item.id,
      partnerId: item.partnerId,
      storyId: item.id,
      ...(signature ? { signature } : {}),
    };
    for (const key of urlKey ? [urlKey, ...bands] : bands) buckets.set(key, [...(buckets.get(key) ?? []), member]);
  }
  const docs = [...buckets].map(([_id, members]) => ({ _id, members }));
  for (let i = 0; i < docs.length; i += 5000) await StoryKeyModel.insertMany(docs.slice(i, i + 5000));
}

async function runCostPart(): Promise<void> {
  const sizes = [1000, Number(process.env.BENCH_STORIES_LARGE ?? 50_000)];
  const batch = Number(process.env.BENCH_STORIES_BATCH ?? 250);
  const db = await benchDatabase('bench_stories');
  try {
    console.log(`\n## Grouping cost per new item (batches of ${batch}; baseline: inserting them)\n`);
    console.log('| indexed items | insert µs/item | grouping µs/item | grouping ÷ insert |');
    console.log('|---|---|---|---|');
    const perItem: number[] = [];
    for (const size of sizes) {
      await StoryKeyModel.deleteMany({});
      await fillIndex(size);
      const fresh = Array.from({ length: batch }, (_, i) => makeItem(size + i, `new${size}`));
      const insert = await timed(() => insertItems(fresh, new Date()));
      const group = await timed(() => groupNewItems(fresh));
      const [ins, grp] = [(insert.ms * 1000) / batch, (group.ms * 1000) / batch];
      perItem.push(grp);
      console.log(`| ${size.toLocaleString('en')} | ${fmt(ins, 0)} | ${fmt(grp, 0)} | ${fmt(grp / ins, 2)} |`);
    }
    console.log(
      `\nPer-item grouping cost at ${sizes[1]!.toLocaleString('en')} ÷ at 1,000: ${fmt(perItem[1]! / perItem[0]!, 2)}` +
        ` (keys per item: 1 address + ${bandKeys('0'.repeat(16)).length} bands)`,
    );
  } finally {
    await db.close();
  }
}

export async function runStoriesBench(): Promise<void> {
  runThresholdPart();
  if (!process.env.BENCH_STORIES_SKIP_COST) await runCostPart();
}
