/**
 * « Cela existe peut-être déjà » while a citizen types a wish: items from the search
 * engine, and open published wishes sharing words with the title (few enough to compare
 * in memory; the list is read again after 5 s or after a change in this process).
 */
import type { SearchParams, SearchResult } from '../../search/index.js';
import type { SimilarItem } from '../deps.js';
import { CLOSED_STATUSES, WishModel, type WishDoc } from './wish-model.js';

export interface SimilarWish {
  id: string;
  title: string;
  status: string;
  supports: number;
}

const STOP_WORDS = new Set(
  'les des une pour par sur dans avec sans aux ses son sont est qui que quoi dont plus pas car mais donc comme tout tous toute faire avoir etre leur leurs nos notre vos votre cette ces cet aussi tres peut'.split(
    ' ',
  ),
);
const CACHE_MS = 5_000;
let cache: { at: number; wishes: Promise<OpenWish[]> } | undefined;

interface OpenWish {
  wish: SimilarWish;
  words: Set<string>;
}

/** Lower case, no accents, no plural mark; words of 3 letters or more that carry meaning. */
export function significantWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 4 ? w.replace(/[sx]$/, '') : w));
  return new Set(words);
}

async function loadOpenWishes(): Promise<OpenWish[]> {
  const docs = await WishModel.find(
    { moderation: 'published', status: { $nin: CLOSED_STATUSES } },
    { title: 1, status: 1, supports: 1 },
  ).lean<Pick<WishDoc, '_id' | 'title' | 'status' | 'supports'>[]>();
  return docs.map((d) => ({
    wish: { id: d._id, title: d.title, status: d.status, supports: d.supports },
    words: significantWords(d.title),
  }));
}

function openWishes(): Promise<OpenWish[]> {
  if (!cache || Date.now() - cache.at > CACHE_MS) {
    const wishes = loadOpenWishes();
    wishes.catch(() => (cache = undefined));
    cache = { at: Date.now(), wishes };
  }
  return cache.wishes;
}

/** Forgets the list of open wishes (after a change in this process). */
export function forgetOpenWishes(): void {
  cache = undefined;
}

/** Open wishes whose titles share at least a third of the query's words, best first. */
export async function findSimilarWishes(q: string, limit = 5): Promise<SimilarWish[]> {
  const query = significantWords(q);
  if (!query.size) return [];
  const scored = (await openWishes())
    .map(({ wish, words }) => {
      let shared = 0;
      for (const w of query) if (words.has(w)) shared += 1;
      return { wish, score: shared / Math.max(query.size, words.size) };
    })
    .filter((s) => s.score >= 1 / 3);
  scored.sort((a, b) => b.score - a.score || b.wish.supports - a.wish.supports);
  return scored.slice(0, limit).map((s) => s.wish);
}

/** Items and open wishes that may already answer what the citizen is typing. */
export async function findSimilar(
  q: string,
  searchItems: (q: string, limit: number) => SimilarItem[],
): Promise<{ items: SimilarItem[]; wishes: SimilarWish[] }> {
  return { items: searchItems(q, 5), wishes: await findSimilarWishes(q) };
}

/** The search engine as the suggestions use it (the catalog's SearchService). */
export interface ItemSearch {
  isReady(): boolean;
  search(params: SearchParams): SearchResult;
}

/** Items matching what is typed, best first; none while the index is not ready. */
export function searchSimilarItems(engine: ItemSearch): (q: string, limit: number) => SimilarItem[] {
  return (q, limit) => {
    if (!engine.isReady()) return [];
    return engine
      .search({ q, limit, page: 1 })
      .items.map((hit) => ({ id: hit.id, title: hit.title, url: hit.url, partnerId: hit.partnerId }));
  };
}
