/** Migration 005: items stored before story grouping are indexed and grouped, idempotently. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { storyKeys } from '../../../hub/migrations/steps/005-story-keys.js';
import { groupNewItems, MAX_MEMBERS, storyIndexStats } from '../../../hub/stories/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems } from '../../helpers/items.js';

const TEXT =
  '<p>Le centre de vaccination de la Vallée-du-Tir ouvre tous les samedis matin de décembre, sans rendez-vous, pour les adultes et les enfants à partir de cinq ans.</p>';

beforeAll(async () => {
  await connectTestDatabase('story-keys');
  await insertItems([
    {
      id: 'old-gouv',
      partnerId: 'gouvernement',
      title: 'Vaccination',
      content: TEXT,
      publishedAt: new Date('2026-10-01'),
    },
    {
      id: 'old-ps',
      partnerId: 'province-sud',
      title: 'Vaccination',
      content: `<div>${TEXT}</div>`,
      publishedAt: new Date('2026-10-02'),
    },
    {
      id: 'old-other',
      partnerId: 'noumea',
      title: 'Marché',
      content:
        '<p>Le marché de Noël ouvre samedi place des Cocotiers avec des artisans et des animations pour les enfants.</p>',
    },
  ]);
});

afterAll(dropTestDatabase);

describe('migration 005-story-keys', () => {
  it('groups the stories already stored, twice without harm, and lets new items join them', async () => {
    const progress: string[] = [];
    expect(await storyKeys.up({ progress: (l) => progress.push(l) })).toEqual({ items: 3, grouped: 1 });
    expect(await storyKeys.up({ progress: () => undefined })).toEqual({ items: 3, grouped: 1 });
    expect(progress[0]).toContain('3 item(s) indexed, 1 joined a story');
    expect((await ItemModel.findById('old-ps').lean())!.storyId).toBe('old-gouv');
    expect((await ItemModel.findById('old-other').lean())!.storyId).toBeUndefined();
    const joined = await groupNewItems([
      { id: 'new-noumea', partnerId: 'noumea', url: 'https://www.noumea.nc/v', title: 'Vaccination', content: TEXT },
    ]);
    expect(joined.get('new-noumea')).toBe('old-gouv');
  });

  it('keeps a crowded key small: numbered notices of one partner fill it once, and it still finds them', async () => {
    const notice = (i: number) => ({
      id: `crowd-${i}`,
      partnerId: 'province-nord',
      url: `https://www.province-nord.nc/avis/${i}`,
      title: 'Avis de coupure',
      content: `${TEXT} Avis numéro ${i}.`,
    });
    for (let batch = 0; batch < 3; batch += 1)
      await groupNewItems(Array.from({ length: 50 }, (_, i) => notice(batch * 50 + i)));
    expect(storyIndexStats().largestBucket).toBe(MAX_MEMBERS);
    const joined = await groupNewItems([
      {
        id: 'crowd-copy',
        partnerId: 'noumea',
        url: 'https://www.noumea.nc/avis-1',
        title: 'Avis de coupure',
        content: `${TEXT} Avis numéro 1.`,
      },
    ]);
    expect(joined.get('crowd-copy')).toBeDefined();
  });
});
