import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { significantWords } from '../../../hub/voice/wishes/similar.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { changeStatus, createItem, newVisitor, publishedWish } from './fixtures.js';

let hub: TestHub;
let itemId: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'wishsimilar' });
  itemId = await createItem('province-sud');
  await ItemModel.updateOne(
    { _id: itemId },
    { $set: { title: 'Inscription à la cantine scolaire', summary: 'Comment inscrire son enfant à la cantine.' } },
  );
  await hub.services.catalog.search.refresh();
});
afterAll(() => hub.stop());

interface Similar {
  items: { id: string; title: string; url: string }[];
  wishes: { id: string; title: string }[];
}

async function similar(q: string): Promise<Similar> {
  const res = await hub.request(`/api/v1/wishes/similar?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Similar;
}

describe('suggestions while a wish is typed', () => {
  it('include the existing item for a near-duplicate title', async () => {
    const found = await similar('inscriptions cantines scolaires');
    expect(found.items.map((i) => i.id)).toContain(itemId);
    expect(found.items[0]).toMatchObject({
      title: 'Inscription à la cantine scolaire',
      url: expect.stringMatching(/^https:/),
    });
  });

  it('include open published wishes sharing the words, not closed or pending ones', async () => {
    const open = await publishedWish(hub, newVisitor(), { title: 'Horaires des bus du dimanche' });
    const closed = await publishedWish(hub, newVisitor(), { title: 'Horaires du bus le dimanche soir' });
    await changeStatus(hub, closed, { status: 'refuse', answer: 'Voir le site du transporteur.' });
    const found = await similar('les horaires de bus le dimanche');
    expect(found.wishes.map((w) => w.id)).toEqual([open]);
    expect((await similar('ab')).wishes).toEqual([]);
  });

  it('compares words without case, accents or plural marks', () => {
    expect([...significantWords('Les Écoles et les bibliothèques')]).toEqual(['ecole', 'bibliotheque']);
  });
});
