import { describe, expect, it } from 'vitest';
import { createItemCache } from '../../../portal/content/item-cache.js';
import type { Item } from '../../../schemas/index.js';

function fakeItem(id: string): Item {
  return { id, title: id, content: '<h3>Titre</h3>' } as Item;
}

describe('the item pages’ cache', () => {
  it('reads an item once per data version, and again after the version changed', async () => {
    const reads: string[] = [];
    const cache = createItemCache(async (id) => (reads.push(id), id === 'absent' ? undefined : fakeItem(id)));
    const first = await cache.get('a', 'v1');
    expect(first?.content?.html).toBe('<h2 id="section-1">Titre</h2>');
    await cache.get('a', 'v1');
    expect(await cache.get('absent', 'v1')).toBeUndefined();
    await cache.get('a', 'v2');
    expect(reads).toEqual(['a', 'absent', 'a']);
  });

  it('keeps at most `max` items, forgetting the least recently used', async () => {
    const reads: string[] = [];
    const cache = createItemCache(async (id) => (reads.push(id), fakeItem(id)), 2);
    for (const id of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.get(id, 'v');
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = createItemCache(async (id) => {
      if (fail) throw new Error('database down');
      return fakeItem(id);
    });
    await expect(cache.get('a', 'v')).rejects.toThrow('database down');
    fail = false;
    expect((await cache.get('a', 'v'))?.item.id).toBe('a');
  });
});
