/** What connector kinds share: fetcher, failure classification, HTML, text, dates, URLs, items. */
export { classifyFailure, HttpStatusFailure } from './classify-failure.js';
export { ConnectorError, describeFailure, isConnectorError } from './errors.js';
export type { ConnectorErrorCode, ConnectorErrorDetails, RunErrorShape } from './errors.js';
export * from './fetcher/index.js';
export type {
  Connector,
  ConditionalCache,
  FetchContext,
  FetchedBody,
  MapResult,
  RunBudget,
  RunLimit,
  StageContext,
} from './connector-types.js';
export { describeRunLimit, limitRunBytes, takeEntries, type RunNoticeShape } from './run-budget.js';
export type { ConnectorSource, DraftItem, FinalizeOptions, MappedItems, Rejection } from './types.js';
export { decodeText } from './charset.js';
export { parseDate, type ParseDateOptions } from './dates.js';
export { NOUMEA_OFFSET_MINUTES } from './date-parts.js';
export { finalizeItem, finalizeItems } from './finalize-item.js';
export { deriveItemId, hashValue, sha256Hex, stableStringify } from './hash.js';
export { findFirstImage, sanitizeContent } from './sanitize.js';
export { collapseWhitespace, escapeHtml, htmlToText, slugify, truncateAtWord } from '../text/index.js';
export { canonicalizeUrl, resolveBase, resolveUrl, toUri } from './urls.js';
export { fetchSingleDocument } from './fetch-single.js';
export { listenToProgress, reportProgress } from './progress.js';
