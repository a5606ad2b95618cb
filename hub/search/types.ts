/** Shapes of the search module: what goes in, what the index holds, what a search returns. */
import type { EventInfo, Image, Item } from '../../schemas/index.js';
import type { Bitset } from './internal/bitset.js';
import type { Postings } from './internal/postings.js';
import type { Vocabulary } from './internal/vocabulary.js';

/** What search needs of a partner. */
export interface PartnerInfo {
  name: string;
  shortName?: string;
  kind: string;
  province?: string;
  communeCode?: string;
}

/** partnerId → partner, as a Map or a plain object. */
export type PartnerMap = ReadonlyMap<string, PartnerInfo> | Readonly<Record<string, PartnerInfo>>;

/** The fields of a stored Item that the index reads (a full Item fits). */
export type IndexableItem = Pick<
  Item,
  'id' | 'partnerId' | 'url' | 'title' | 'type' | 'topics' | 'audience' | 'territory' | 'status'
> &
  Partial<
    Pick<
      Item,
      | 'summary'
      | 'content'
      | 'categories'
      | 'keywords'
      | 'coAuthors'
      | 'links'
      | 'publishedAt'
      | 'updatedAt'
      | 'firstSeenAt'
      | 'image'
      | 'stats'
      | 'event'
    >
  > & {
    /** The other items of the story this item stands for (hub/stories collapses them). */
    alsoPublished?: StoryMemberRef[];
  };

/** Another item telling the same story: shown as « Aussi publié par ». */
export interface StoryMemberRef {
  id: string;
  partnerId: string;
  url: string;
}

export const FACET_NAMES = ['partner', 'partnerKind', 'type', 'topic', 'audience', 'commune', 'province'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** Facet value → bitset of the documents that have it. */
export type FacetIndex = Record<FacetName, Map<string, Bitset>>;

/**
 * Per-document columns, document numbers in date order (0 = newest), so "newest first"
 * is plain ascending order and a date range is a contiguous slice.
 */
export interface DocStore {
  ids: string[];
  titles: string[];
  /** Plain-text summary, at most SUMMARY_LIMIT characters. */
  summaries: string[];
  /** The start of the content as plain text, for snippets when the summary has no match. */
  excerpts: string[];
  urls: string[];
  partnerIds: string[];
  types: string[];
  topics: string[][];
  /** publishedAt (else updatedAt, else firstSeenAt) in ms; NaN when none, sorted last. */
  dates: Float64Array;
  images: (Image | null)[];
  /** When and where an event takes place (null for other items), for listings. */
  events: (EventInfo | null)[];
  /** The other items of the story each document stands for (null when alone). */
  alsoPublished: (StoryMemberRef[] | null)[];
  /**
   * The item's categories and territory (null when none): with the topics, what its
   * partner-derived text and facets are derived from again after a partner edit, without
   * reading the item back (search-layered.ts `relay`).
   */
  categories: (string[] | null)[];
  territories: (IndexableItem['territory'] | null)[];
  /**
   * Per document, the documents whose « Questions ? Réponses ! » block lists it (its parent
   * fiches), or null: what internal/question-order.ts ranks a question and its fiche by.
   * Set by document number (not pushed), so documents laid over again from a full index
   * (relay.ts) simply have none.
   */
  askedBy?: (number[] | null)[];
  likes: Uint32Array;
  comments: Uint32Array;
}

/** A loaded search index: compact postings, the doc store, facet bitsets and the vocabulary. */
export interface SearchIndex {
  /** The inverted index as typed arrays, with lunr's BM25 weights (internal/postings.ts). */
  readonly postings: Postings;
  readonly docs: DocStore;
  readonly facets: FacetIndex;
  readonly vocabulary: Vocabulary;
  /** Number of documents (published items). */
  readonly size: number;
  /** ISO date of the build. */
  readonly builtAt: string;
  /** Item id → document number. */
  readonly docById: ReadonlyMap<string, number>;
}

export type SortOrder = 'relevance' | 'date';

/** A search: every filter is optional; values within one filter are ORed, filters are ANDed. */
export interface SearchParams {
  q?: string;
  partner?: string[];
  partnerKind?: string[];
  type?: string[];
  topic?: string[];
  audience?: string[];
  commune?: string[];
  province?: string[];
  /** publishedAt >= from. */
  from?: Date;
  /** publishedAt <= to. */
  to?: Date;
  /** Default: relevance when q has words, else date. */
  sort?: SortOrder;
  /** Default 1. */
  page?: number;
  /** Default 20, at most 100. */
  limit?: number;
}

/** One hit, with the stored fields a listing needs (stats as of the index build). */
export interface SearchHit {
  id: string;
  /** lunr relevance; 0 for listings without q. */
  score: number;
  /** ~200 characters of summary or content, HTML-escaped, matches in <mark>. */
  snippet: string;
  title: string;
  summary?: string;
  url: string;
  partnerId: string;
  type: string;
  topics: string[];
  /** ISO date the list is sorted by: publishedAt, else updatedAt, else firstSeenAt. */
  date?: string;
  image?: Image;
  event?: EventInfo;
  stats: { likes: number; comments: number };
  /** The partners of the story's other items (ARCHITECTURE: one result per story). */
  alsoPublishedBy?: string[];
  /** The story's other items, each keeping its own page. */
  alsoPublished?: StoryMemberRef[];
}

export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface SearchResult {
  total: number;
  page: number;
  limit: number;
  items: SearchHit[];
  facets: FacetCounts;
  /** « Vous vouliez dire … »: the query with unknown words corrected, when it finds more (few results only). */
  didYouMean?: string;
}
