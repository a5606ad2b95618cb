/**
 * The search engine of Passerelle: French full-text search over items with lunr, facets,
 * snippets and completions. Database-free: it is handed items and partners, and gives back
 * an index that can be serialized, loaded elsewhere and swapped atomically.
 */
export { buildSearchIndex, buildSearchIndexInSlices, FIELD_BOOSTS } from './build-index.js';
export { serializeSearchIndex, loadSearchIndex, loadSearchIndexAsync } from './serialize.js';
export { buildInWorker, type BuildInWorkerOptions } from './build-in-worker.js';
export { searchItems, getShippedThesaurus, DEFAULT_LIMIT, MAX_LIMIT, MAX_WINDOW } from './search-items.js';
export {
  createThesaurus,
  getShippedSynonyms,
  EMPTY_THESAURUS,
  type SynonymEntry,
  type Thesaurus,
} from './thesaurus/index.js';
export { suggest, type SuggestResult, type TermSuggestion, type TitleSuggestion } from './suggest.js';
export { parseSearchParams, SEARCH_PARAM_NAMES, type ParsedSearchParams, type RawQuery } from './params.js';
export { truncateQuery, MAX_QUERY_LENGTH } from './truncate-query.js';
export { buildOverlay, buildOverlayInSlices, searchLayered, suggestLayered, type Overlay } from './search-layered.js';
export { SearchService, SearchNotReadyError, type SearchCorpus, type SearchServiceOptions } from './search-service.js';
export { RecentChanges, type LoggedChange } from './internal/carried-states.js';
export { escapeHtml } from './internal/snippet.js';
export { foldedWords, isStopWord, stemWord } from './analysis/index.js';
export { getCommuneName, getCommuneProvince } from './internal/communes.js';
export {
  FACET_NAMES,
  type FacetCounts,
  type FacetName,
  type IndexableItem,
  type PartnerInfo,
  type PartnerMap,
  type SearchHit,
  type SearchIndex,
  type SearchParams,
  type SearchResult,
  type SortOrder,
  type StoryMemberRef,
} from './types.js';
