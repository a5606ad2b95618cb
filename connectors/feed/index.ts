/** The feed kind: RSS 0.9x, 1.0 (RDF), 2.0 and Atom 1.0. */
import type { Connector } from '../shared/index.js';
import { fetchFeed } from './fetch.js';
import { mapFeed } from './map.js';
import { parseFeed, type ParsedFeed } from './parse.js';

export { fetchFeed, mapFeed, parseFeed };
export type { ParsedFeed, RawFeedEntry } from './parse.js';
export { repairXml } from './repair-xml.js';

/** The feed connector. */
export const feedConnector: Connector<ParsedFeed> = {
  kind: 'feed',
  fetch: fetchFeed,
  parse: (body) => parseFeed(body),
  map: mapFeed,
};
export { discoverFeeds, findAnnouncedFeeds, type DiscoveredFeed } from './discover.js';
