/** SearchService: readiness, atomic swaps under load, debounced and coalesced rebuilds. */
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  loadSearchIndex,
  SearchNotReadyError,
  searchItems,
  SearchService,
  serializeSearchIndex,
  type IndexableItem,
  type SearchCorpus,
} from '../../../hub/search/index.js';
import { NC_NEWS, PARTNERS } from './corpus.js';

const localBuild = async (items: readonly IndexableItem[], partners: SearchCorpus['partners']) =>
  serializeSearchIndex(buildSearchIndex(items, partners));

function extraItem(n: number): IndexableItem {
  return {
    id: `extra-${n}`,
    partnerId: 'gouvernement',
    url: `https://x.nc/extra-${n}`,
    title: `Relevé zircon numéro ${n}`,
    summary: 'Information du gouvernement.',
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    publishedAt: `2023-01-${String((n % 28) + 1).padStart(2, '0')}T00:00:00Z`,
  };
}

describe('SearchService', () => {
  it('is not ready, and refuses to search, before its first index', async () => {
    const service = new SearchService({
      loadAll: async () => ({ items: NC_NEWS, partners: PARTNERS }),
      build: localBuild,
    });
    expect(service.isReady()).toBe(false);
    expect(() => service.search({ q: 'bus' })).toThrow(SearchNotReadyError);
    await service.rebuildNow();
    expect(service.isReady()).toBe(true);
    expect(service.search({ q: 'bus' }).items[0]!.id).toBe('nc-noumea-bus');
    expect(service.suggest('kaala gom').titles).toHaveLength(2);
  });

  it('never fails nor empties a matching search while worker rebuilds swap the index', async () => {
    let generation = 0;
    const service = new SearchService({
      loadAll: async () => ({
        items: [...NC_NEWS, ...Array.from({ length: 50 * ++generation }, (_, i) => extraItem(i))],
        partners: PARTNERS,
      }),
    });
    await service.rebuildNow();
    const before = service.getIndex();
    let searches = 0;
    let failures = 0;
    let done = false;
    const rebuilds = (async () => {
      for (let i = 0; i < 3; i++) await service.rebuildNow();
      done = true;
    })();
    while (!done) {
      try {
        const { total, items } = service.search({ q: 'Kaala Gomen' });
        if (total !== 2 || items[0]?.id !== 'nc-kaala-foire') failures++;
      } catch {
        failures++;
      }
      searches++;
      await tick();
    }
    await rebuilds;
    expect(failures).toBe(0);
    expect(searches).toBeGreaterThan(10);
    expect(service.getIndex()).not.toBe(before);
    expect(service.search({ q: 'zircon' }).total).toBe(200);
    // An index handed out before the swaps keeps answering from its own data.
    expect(searchItems(before!, { q: 'zircon' }).total).toBe(50);
  }, 60_000);

  it('debounces bursts of scheduled rebuilds into one', async () => {
    let loads = 0;
    const service = new SearchService({
      loadAll: async () => (loads++, { items: NC_NEWS, partners: PARTNERS }),
      build: localBuild,
      debounceMs: 30,
    });
    for (let i = 0; i < 5; i++) service.scheduleRebuild();
    await waitFor(() => service.isReady());
    await new Promise((r) => setTimeout(r, 80));
    expect(loads).toBe(1);
    service.close();
  });

  it('coalesces requests made during a build into one more build', async () => {
    let loads = 0;
    const service = new SearchService({
      loadAll: async () => (loads++, { items: NC_NEWS, partners: PARTNERS }),
      build: localBuild,
    });
    const first = service.rebuildNow();
    const second = service.rebuildNow();
    const third = service.rebuildNow();
    await Promise.all([first, second, third]);
    expect(loads).toBe(2);
  });

  it('keeps the current index when a rebuild fails, and reports scheduled failures', async () => {
    let fail = false;
    const errors: unknown[] = [];
    const service = new SearchService({
      loadAll: async () => {
        if (fail) throw new Error('db down');
        return { items: NC_NEWS, partners: PARTNERS };
      },
      build: localBuild,
      debounceMs: 1,
      onError: (err) => errors.push(err),
    });
    await service.rebuildNow();
    const index = service.getIndex();
    fail = true;
    await expect(service.rebuildNow()).rejects.toThrow('db down');
    service.scheduleRebuild();
    await waitFor(() => errors.length > 0);
    expect(service.getIndex()).toBe(index);
    expect(service.isReady()).toBe(true);
  });

  it('hands each new index and its serialized form to onSwap, for other processes to load', async () => {
    const swapped: Buffer[] = [];
    const service = new SearchService({
      loadAll: async () => ({ items: NC_NEWS, partners: PARTNERS }),
      build: localBuild,
      onSwap: (_index, serialized) => void swapped.push(serialized),
    });
    await service.rebuildNow();
    expect(swapped).toHaveLength(1);
    const other = new SearchService({ loadAll: async () => ({ items: [], partners: {} }) });
    await other.load(swapped[0]!);
    expect(other.search({ q: 'bus' })).toEqual(service.search({ q: 'bus' }));
    expect(loadSearchIndex(swapped[0]!).size).toBe(service.getIndex()!.size);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
