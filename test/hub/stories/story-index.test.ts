/**
 * The signature index held in memory and its journal: alone, a process reads nothing back;
 * what another hub process appends (an item, a forgetting) is seen at the next catch-up,
 * which applies only what is new; a journal rebuilt under a running process (a new
 * generation) is read again from the start.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catchUpStoryIndex,
  computeStoryKeys,
  groupNewItems,
  storyIndexStats,
  type GroupableItem,
} from '../../../hub/stories/index.js';
import { restartStoryJournal, STORY_JOURNAL, STORY_JOURNAL_HEAD } from '../../../hub/stories/story-journal-model.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const TEXT =
  'Le service des eaux coupera la distribution dans le quartier de Magenta mardi de huit heures à midi pour remplacer une canalisation principale sous la voie express.';
const OTHER =
  'La bibliothèque Bernheim prolonge ses horaires pendant les vacances scolaires avec des ateliers de lecture pour les enfants chaque mercredi après-midi.';

const THIRD =
  'Le comité des fêtes de Bourail cherche des bénévoles pour la foire agricole du mois d’août, accueil du public, buvette, parkings et montage des stands.';

const FOURTH =
  'Les inscriptions au transport scolaire de Lifou pour la rentrée de février se font en ligne ou à la mairie jusqu’au vingt janvier, avec une photo et un justificatif.';

const item = (id: string, partnerId: string, content: string): GroupableItem => ({
  id,
  partnerId,
  url: `https://www.${partnerId}.nc/${id}`,
  title: 'Avis',
  content: `<p>${content}</p>`,
});

let stamps = 0;

/** What another hub process writes: its entry, appended to the journal, then a new stamp. */
async function appendAsAnotherProcess(entry: Record<string, unknown>): Promise<void> {
  const db = mongoose.connection.db!;
  await db.collection(STORY_JOURNAL).insertOne({ ...entry, at: new Date() } as unknown as { _id: never });
  await db
    .collection<{ _id: string }>(STORY_JOURNAL_HEAD)
    .updateOne({ _id: 'head' }, { $set: { stamp: `other-${++stamps}` } }, { upsert: true });
}

beforeAll(async () => {
  await connectTestDatabase('story-index');
});
afterAll(dropTestDatabase);

describe('story index', () => {
  it('alone, reads nothing back; then only what others appended', async () => {
    await groupNewItems([item('a-gouv', 'gouvernement', OTHER)]);
    await groupNewItems([item('b-1', 'noumea', `${OTHER} Un.`), item('b-2', 'noumea', `${OTHER} Deux.`)]);
    expect(await catchUpStoryIndex()).toEqual({ read: 0, applied: 0 });
    expect(await mongoose.connection.db!.collection(STORY_JOURNAL).countDocuments()).toBe(3);
    await appendAsAnotherProcess({ _id: 'c-1', itemId: 'c-1', partnerId: 'noumea', storyId: 'c-1' });
    expect((await catchUpStoryIndex()).applied).toBe(1);
    await appendAsAnotherProcess({ _id: 'c-2', itemId: 'c-2', partnerId: 'noumea', storyId: 'c-2' });
    expect((await catchUpStoryIndex()).applied).toBe(1);
    expect(await catchUpStoryIndex()).toEqual({ read: 0, applied: 0 });
  });

  it('finds an item another process indexed, and forgets it when another process says so', async () => {
    const theirs = item('p2-ps', 'province-sud', TEXT);
    const { signature, urlKey } = computeStoryKeys(theirs);
    await appendAsAnotherProcess({
      _id: 'p2-ps',
      itemId: 'p2-ps',
      partnerId: 'province-sud',
      storyId: 'p2-ps',
      signature,
      urlKey,
    });
    const joined = await groupNewItems([item('mine-noumea', 'noumea', TEXT)]);
    expect(joined.get('mine-noumea')).toBe('p2-ps');

    await appendAsAnotherProcess({ _id: 'x:p2-ps', itemId: 'p2-ps', forget: true, signature, urlKey });
    await appendAsAnotherProcess({ _id: 'x:mine-noumea', itemId: 'mine-noumea', forget: true, signature });
    const again = await groupNewItems([item('late-gouv', 'gouvernement', TEXT)]);
    expect(again.get('late-gouv')).toBeUndefined();
  });

  it('does not group a genuinely different text, nor two items of one partner', async () => {
    const joined = await groupNewItems([
      item('solo-1', 'province-nord', THIRD),
      item('solo-2', 'province-nord', THIRD),
      item('solo-3', 'province-iles', FOURTH),
    ]);
    expect(joined.size).toBe(0);
  });

  it('starts over when another process rebuilt the journal', async () => {
    expect(storyIndexStats().entries).toBeGreaterThan(5);
    await restartStoryJournal('rebuilt-elsewhere');
    await groupNewItems([item('fresh-gouv', 'gouvernement', TEXT)]);
    expect(storyIndexStats().entries).toBe(1);
    const joined = await groupNewItems([item('fresh-noumea', 'noumea', TEXT)]);
    expect(joined.get('fresh-noumea')).toBe('fresh-gouv');
  });
});
