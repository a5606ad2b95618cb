/**
 * The connector layer's public face. The hub needs three things: one fetcher per process
 * (createFetcher), runConnector for a scheduled run and previewConnector for an admin
 * preview. Failures are thrown as ConnectorError with a stable code. See README.md.
 */
export { previewConnector, runConnector } from './run-connector.js';
export type { CacheHints, ConnectorResult, PreviewConnectorOptions, RunConnectorOptions } from './run-connector.js';
export { CONNECTOR_KINDS, getConnector } from './registry.js';
export {
  createReaderPool,
  readInProcess,
  type ReaderPool,
  type ReaderPoolOptions,
  type ReadOptions,
} from './reader-pool.js';
export {
  buildUserAgent,
  classifyFailure,
  ConnectorError,
  createFetcher,
  describeFailure,
  describeRunLimit,
  FETCHER_DEFAULTS,
  isConnectorError,
  isForbiddenAddress,
  isPrivateOnItsFace,
  hasAnyCredential,
  MASK,
  parseDate,
  RESERVED_HEADERS,
  sanitizeContent,
  sha256Hex,
  stableStringify,
  splitAddressCredentials,
  withSourceCredentials,
} from './shared/index.js';
export type {
  ConditionalCache,
  Connector,
  ConnectorErrorCode,
  ConnectorSource,
  CredentialOpener,
  FetchContext,
  FetchedBody,
  Fetcher,
  FetcherOptions,
  FetchRequest,
  FetchResponse,
  MapResult,
  Rejection,
  RunBudget,
  RunErrorShape,
  RunLimit,
  StageContext,
} from './shared/index.js';
export { COMARQUAGE_MAX_BYTES } from './comarquage/index.js';
export { discoverFeeds, findAnnouncedFeeds, type DiscoveredFeed } from './feed/index.js';
