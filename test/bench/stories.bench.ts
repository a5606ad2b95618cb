/**
 * One result per story. Part 1: SimHash distances on the fixtures' real texts — relays of
 * one text (what partners do to it) against unrelated pairs — the figures behind
 * MAX_DISTANCE. Part 2: the cost of grouping new items with a signature index (journal)
 * of BENCH_STORIES_SIZES items (default 1,000, 10,000, 50,000); baseline: inserting the
 * same items (insertItems), in the same process. Also timed: the one read of the journal
 * a process makes at its first grouping, and the catch-up after another process appended.
 * Flat per-item cost = an index, not a comparison.
 */
import mongoose from 'mongoose';
import { insertItems } from '../../hub/items/index.js';
import {
  bandKeys,
  catchUpStoryIndex,
  computeSimhash,
  computeStoryKeys,
  groupNewItems,
  hammingDistance,
  MAX_DISTANCE,
  MIN_WORDS,
  resetStoryIndex,
  storyIndexStats,
  toWords,
} from '../../hub/stories/index.js';
import {
  restartStoryJournal,
  StoryEntryModel,
  writeJournalHead,
  type StoryEntry,
} from '../../hub/stories/story-journal-model.js';
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

/** Fills the journal as N grouped items would have (each its own story). */
async function fillJournal(n: number): Promise<void> {
  await restartStoryJournal(`bench-${n}`);
  const entries: StoryEntry[] = [];
  const start = Date.now() - 3_600_000 - n;
  for (let i = 0; i < n; i++) {
    const item = makeItem(i, 'corpus');
    const { urlKey, signature } = computeStoryKeys(item);
    entries.push({
      _id: item.id,
      itemId: item.id,
      at: new Date(start + i),
      partnerId: item.partnerId,
      storyId: item.id,
      ...(signature ? { signature } : {}),
      ...(urlKey ? { urlKey } : {}),
    });
  }
  for (let i = 0; i < entries.length; i += 5000) await StoryEntryModel.insertMany(entries.slice(i, i + 5000));
  await writeJournalHead({ stamp: `filled-${n}` });
}

async function runCostPart(): Promise<void> {
  const sizes = (process.env.BENCH_STORIES_SIZES ?? '1000,10000,50000').split(',').map(Number);
  const batch = Number(process.env.BENCH_STORIES_BATCH ?? 250);
  const rounds = Number(process.env.BENCH_STORIES_ROUNDS ?? 5);
  const db = await benchDatabase('bench_stories');
  try {
    console.log(`\n## Grouping cost per new item (batches of ${batch}; baseline: inserting them)\n`);
    console.log(
      `| indexed items | first read of the journal (once per process) | index heap | insert µs/item (median) | grouping µs/item: median (min–max of ${rounds} batches) | grouping ÷ insert | catch-up after another process appended |`,
    );
    console.log('|---|---|---|---|---|---|---|');
    const perItem: number[] = [];
    for (const size of sizes) {
      await fillJournal(size);
      resetStoryIndex();
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const load = await timed(() => catchUpStoryIndex());
      global.gc?.();
      const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      const grp: number[] = [];
      const ins: number[] = [];
      for (let round = 1; round <= rounds; round++) {
        const fresh = Array.from({ length: batch }, (_, i) => makeItem(size + round * batch + i, `new${size}`));
        const insert = await timed(() => insertItems(fresh, new Date()));
        const group = await timed(() => groupNewItems(fresh));
        ins.push((insert.ms * 1000) / batch);
        grp.push((group.ms * 1000) / batch);
      }
      const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
      perItem.push(median(grp));
      await mongoose.connection.db!.collection('story_journal').insertOne({
        _id: `other-${size}` as never,
        itemId: `other-${size}`,
        at: new Date(),
        partnerId: 'noumea',
      });
      await writeJournalHead({ stamp: `other-${size}` });
      const other = await timed(() => catchUpStoryIndex());
      console.log(
        `| ${size.toLocaleString('en')} (${storyIndexStats().keys.toLocaleString('en')} keys) | ${fmt(load.ms, 0)} ms (${load.result.read.toLocaleString('en')} entries) | ${fmt(heapMiB, 1)} MiB | ${fmt(median(ins), 0)} | ${fmt(median(grp), 0)} (${fmt(Math.min(...grp), 0)}–${fmt(Math.max(...grp), 0)}) | ${fmt(median(grp) / median(ins), 2)} | ${fmt(other.ms, 0)} ms (${other.result.read} read, ${other.result.applied} new) |`,
      );
    }
    console.log(
      `\nMedian per-item grouping cost at ${sizes[sizes.length - 1]!.toLocaleString('en')} ÷ at ${sizes[0]!.toLocaleString('en')}: ` +
        `${fmt(perItem[perItem.length - 1]! / perItem[0]!, 2)} (keys per item: 1 address + ${bandKeys('0'.repeat(16)).length} bands)`,
    );
  } finally {
    await db.close();
  }
}

export async function runStoriesBench(): Promise<void> {
  runThresholdPart();
  if (!process.env.BENCH_STORIES_SKIP_COST) await runCostPart();
}
