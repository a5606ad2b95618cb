/** Syndication: unified feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), OPML of sources, caching, WebSub. */
export type { FeedFormat, FeedInput, FeedMeta, PartnerDirectory, PartnerRef } from './types.js';
export { renderRss } from './render-rss.js';
export { renderAtom } from './render-atom.js';
export { renderJsonFeed } from './render-json-feed.js';
export { renderOpml, type OpmlInput, type OpmlMeta, type OpmlSource } from './render-opml.js';
export { CONTENT_TYPES, getFeedDate, isFeedFormat, renderFeed, type RenderedDocument } from './render-feed.js';
export {
  FeedCache,
  normalizeQuery,
  toCachedDocument,
  type CacheableDocument,
  type CachedDocument,
  type FeedCacheOptions,
} from './feed-cache.js';
export { pingWebSubHub, type FetchLike, type PingOptions, type PingResult } from './websub.js';
export { indexPartners } from './partners.js';
export { buildItemsFeedUrls, buildPartnerFeedTemplate, buildPartnerFeedUrls, listFeedTopics } from './feed-urls.js';
export { createSyndicationRouter, type FeedQuery, type SyndicationDeps } from './routes.js';
