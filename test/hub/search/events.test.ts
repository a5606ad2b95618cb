/** An event's start, end and place travel through the index to every hit, and survive serialization. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, searchItems, serializeSearchIndex } from '../../../hub/search/index.js';
import { NC_NEWS, PARTNERS } from './corpus.js';

const EVENT = { start: '2027-03-11T13:00:00.000Z', end: '2027-03-13T13:00:00.000Z', place: 'Champ de foire' };

describe('events in the search index', () => {
  const items = [
    ...NC_NEWS,
    { ...NC_NEWS[0]!, id: 'foire', type: 'event' as const, title: 'Foire de Koumac', event: EVENT },
  ];
  const index = buildSearchIndex(items, PARTNERS);

  it('gives a hit its event, and other hits none', () => {
    const { items: hits } = searchItems(index, { q: 'foire koumac' });
    expect(hits[0]).toMatchObject({ id: 'foire', event: EVENT });
    expect(
      searchItems(index, { limit: 100 })
        .items.filter((h) => h.event)
        .map((h) => h.id),
    ).toEqual(['foire']);
  });

  it('keeps it through serialization', () => {
    const loaded = loadSearchIndex(serializeSearchIndex(index));
    expect(searchItems(loaded, { q: 'foire koumac' }).items[0]?.event).toEqual(EVENT);
  });
});
