/**
 * Readability at ingestion: every item written by a run carries its measure, rewritten when
 * its text changes; migration 004 measures items stored before; the console's listing puts
 * a partner's hardest pages first.
 */
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestItems } from '../../../hub/ingest/index.js';
import { fillItemsReadability, listHardestToRead } from '../../../hub/items/index.js';
import { migrateDatabase } from '../../../hub/migrations/index.js';
import type { ItemInput } from '../../../schemas/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems } from '../../helpers/items.js';

const items = () => mongoose.connection.db!.collection('items');

function input(guid: string, content: string): ItemInput {
  return {
    id: `lisible-${guid}`,
    partnerId: 'noumea',
    sourceId: 'noumea-actus',
    guid,
    url: `https://www.noumea.nc/${guid}`,
    title: `Page ${guid}`,
    content,
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    language: 'fr',
    contentHash: createHash('sha256')
      .update(guid + content)
      .digest('hex'),
  };
}

const EASY = '<p>Le chat dort. Il fait beau.</p>';
const HARD =
  "<p>La délivrance de l'autorisation administrative préalable est subordonnée à la production des justificatifs réglementaires.</p>";

beforeAll(() => connectTestDatabase('readability'));
afterAll(dropTestDatabase);

describe('readability at ingestion', () => {
  it('measures every item written, and measures it again when its text changes', async () => {
    const first = await ingestItems({
      sourceId: 'noumea-actus',
      items: [input('facile', EASY), input('dure', HARD)],
      complete: false,
    });
    expect(first.itemErrors).toEqual([]);
    expect(first.counts.created).toBe(2);
    const easy = await items().findOne({ _id: 'lisible-facile' as never });
    expect(easy?.readability).toEqual({
      formula: 'kandel-moles',
      score: 130.4,
      sentences: 2,
      words: 6,
      syllables: 6,
      wordsPerSentence: 3,
      syllablesPerWord: 1,
      lettersPerWord: 3.3,
      longSentences: 0,
    });
    const changed = await ingestItems({ sourceId: 'noumea-actus', items: [input('facile', HARD)], complete: false });
    expect(changed.counts.updated).toBe(1);
    expect((await items().findOne({ _id: 'lisible-facile' as never }))?.readability).toMatchObject({
      score: -7,
      words: 14,
    });
  });

  it('leaves an item without text unmeasured', async () => {
    const { content: _none, ...bare } = input('vide', '');
    await ingestItems({ sourceId: 'noumea-actus', items: [bare], complete: false });
    expect(await items().findOne({ _id: 'lisible-vide' as never })).not.toHaveProperty('readability');
  });
});

describe('migration 004 and the hardest pages first', () => {
  it('measures items stored before, once, and lists a partner’s pages hardest first', async () => {
    await insertItems([
      { id: 'ancien-1', partnerId: 'koumac', title: 'Ancien 1', summary: 'Le marché ouvre à six heures. Venez tôt.' },
      { id: 'ancien-2', partnerId: 'koumac', title: 'Ancien 2', content: HARD },
      { id: 'ancien-3', partnerId: 'koumac', title: 'Ancien 3' },
    ]);
    expect(await items().countDocuments({ partnerId: 'koumac', readability: { $exists: true } })).toBe(0);
    const report = await migrateDatabase({ progress: () => undefined });
    expect(report.outcomes.find((o) => o.id === '004-items-readability')).toMatchObject({
      outcome: 'applied',
      result: { items: 2 },
    });
    expect(await fillItemsReadability()).toBe(0);
    const { total, items: rows } = await listHardestToRead('koumac');
    expect(total).toBe(2);
    expect(rows.map((r) => r.id)).toEqual(['ancien-2', 'ancien-1']);
    expect(rows[0]?.readability.score).toBe(-7);
  });
});
