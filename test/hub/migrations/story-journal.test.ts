/** Migration 006: the signature index is written as a journal from the stored items, idempotently. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { storyJournal } from '../../../hub/migrations/steps/006-story-journal.js';
import { groupNewItems, resetStoryIndex } from '../../../hub/stories/index.js';
import { STORY_JOURNAL } from '../../../hub/stories/story-journal-model.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { insertItems } from '../../helpers/items.js';

const TEXT =
  '<p>La déchetterie de Ducos ferme exceptionnellement le lundi 14 décembre pour l’entretien de ses quais et rouvre le mardi aux horaires habituels.</p>';

beforeAll(async () => {
  await connectTestDatabase('story-journal');
  await insertItems([
    { id: 'j-gouv', partnerId: 'gouvernement', title: 'Déchetterie', content: TEXT },
    { id: 'j-ps', partnerId: 'province-sud', title: 'Déchetterie', content: `<div>${TEXT}</div>` },
    { id: 'j-detached', partnerId: 'noumea', title: 'Déchetterie', content: TEXT, storyDetached: true },
  ]);
  // What schema 5 left: the index as a document per key.
  await mongoose.connection.db!.collection('story_keys').insertOne({ _id: 'b0:0000' as never, members: [] });
});

afterAll(dropTestDatabase);

describe('migration 006-story-journal', () => {
  it('writes the journal from the items, twice without harm, leaving story_keys to older hubs', async () => {
    const progress: string[] = [];
    expect(await storyJournal.up({ progress: (l) => progress.push(l) })).toEqual({ items: 2, grouped: 1 });
    expect(await storyJournal.up({ progress: () => undefined })).toEqual({ items: 2, grouped: 1 });
    expect(progress[0]).toBe('migration 006-story-journal: 2 item(s) in the journal, 1 joined a story');
    const journal = mongoose.connection.db!.collection(STORY_JOURNAL);
    expect(await journal.countDocuments()).toBe(2);
    expect(await mongoose.connection.db!.collection('story_keys').countDocuments()).toBe(1);
    expect((await ItemModel.findById('j-ps').lean())!.storyId).toBe('j-gouv');
  });

  it('lets a hub started afterwards group a new item with the stored ones', async () => {
    resetStoryIndex();
    const joined = await groupNewItems([
      {
        id: 'j-nord',
        partnerId: 'province-nord',
        url: 'https://www.province-nord.nc/d',
        title: 'Déchetterie',
        content: TEXT,
      },
    ]);
    expect(joined.get('j-nord')).toBe('j-gouv');
  });
});
