/** The contract every connector kind implements: fetch (network), parse and map (pure). */
import type { SourceKind } from '../../schemas/index.js';
import type { Fetcher, FetchResponse } from './fetcher/index.js';
import type { ConnectorSource, MappedItems } from './types.js';

/** Validators kept from the previous successful run of a source. */
export interface ConditionalCache {
  etag?: string;
  lastModified?: string;
  /** sha256 of the bodies of the last complete run: an identical body is not parsed again. */
  bodyHash?: string;
}

/** What the fetch stage needs. */
export interface FetchContext {
  fetcher: Fetcher;
  /** Sent as If-None-Match / If-Modified-Since on the first request. */
  cache?: ConditionalCache;
}

/** What the fetch stage got. */
export interface FetchedBody {
  /** The first request answered 304: nothing to parse. */
  notModified: boolean;
  /** Status of the first response. */
  httpStatus: number;
  /** The first response (its validators and cache headers), also when it is a 304. */
  first: FetchResponse;
  /** Responses in order: one for feed and comarquage, one per page for json-api; empty on 304. */
  pages: FetchResponse[];
  /** A page cap or the run's byte budget stopped the pagination before the last page. */
  truncated: boolean;
  /** Set when it was the run's byte budget (RunBudget.maxBytes). */
  stoppedBy?: 'max_bytes';
}

/** Budgets of one run, whatever the source sends: reading stops at them. */
export interface RunBudget {
  /** Bytes read over all pages of the run, after decompression. */
  maxBytes?: number;
  /** Entries taken; those beyond are neither mapped nor returned. */
  maxItems?: number;
}

/** Which budget cut a listing short (the run is partial and withdraws nothing). */
export type RunLimit = 'max_bytes' | 'max_items';

/** What the pure stages need. */
export interface StageContext {
  source: ConnectorSource;
  /** Entries to map at most (RunBudget.maxItems); the map stage leaves the others. */
  maxItems?: number;
}

/** The map stage's result: items, rejections, and facts about the listing as a whole. */
export interface MapResult extends MappedItems {
  /** The listing is everything the source publishes (ingest may withdraw what is missing). */
  complete: boolean;
  /** Refresh hint from the content itself (RSS <ttl>), in seconds. */
  ttlSeconds?: number;
  /** Entries left unmapped past StageContext.maxItems. */
  omitted?: number;
}

/** One connector kind. */
export interface Connector<Parsed = unknown> {
  kind: SourceKind;
  /** Network stage: conditional GET(s) through the shared fetcher. Throws ConnectorError. */
  fetch(source: ConnectorSource, ctx: FetchContext): Promise<FetchedBody>;
  /** Pure: bytes to the kind's parsed form. Throws ConnectorError bad_format. */
  parse(body: FetchedBody, ctx: StageContext): Promise<Parsed>;
  /** Pure: parsed form to ItemInputs; entries that cannot be mapped are rejected, not thrown. */
  map(parsed: Parsed, ctx: StageContext): MapResult;
}
