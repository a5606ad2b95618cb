/**
 * The connectors' single entry point for the hub: fetch, parse and map one source, and
 * say what ingest needs (items, rejections, whether the listing is complete, cache hints).
 */
import { type ItemInput, validateAgainst } from '../schemas/index.js';
import { getConnector } from './registry.js';
import {
  classifyFailure,
  type ConditionalCache,
  type FetchedBody,
  ConnectorError,
  type Fetcher,
  type ConnectorSource,
  limitRunBytes,
  type Rejection,
  withSourceCredentials,
  type RunBudget,
  type RunLimit,
} from './shared/index.js';
import { createHash } from 'node:crypto';

/** Options of runConnector. */
export interface RunConnectorOptions {
  /** The process-wide fetcher (createFetcher). */
  fetcher: Fetcher;
  /** Validators from the source's last successful run (cacheHints of that run). */
  cache?: ConditionalCache;
  /** Budgets of the run (bytes over all pages, entries taken). Default: none. */
  budget?: RunBudget;
}

/** Options of previewConnector. */
export interface PreviewConnectorOptions {
  fetcher: Fetcher;
  /** Items (and rejections) kept in the answer. Default 20. */
  limit?: number;
  budget?: RunBudget;
}

/** Hints for scheduling the next run and for the next conditional GET. */
export interface CacheHints {
  etag?: string;
  lastModified?: string;
  /** RSS <ttl> in seconds. */
  ttlSeconds?: number;
  /** Cache-Control max-age of the (first) response. */
  maxAgeSeconds?: number;
  /** Retry-After of the (first) response, in seconds from now. */
  retryAfterSeconds?: number;
  /** sha256 of every page's body, to recognise an unchanged listing from a server without validators. */
  bodyHash?: string;
}

/** What one run of a source produced. Failures are thrown as ConnectorError instead. */
export interface ConnectorResult {
  /** 304: nothing changed since the cache validators; items and rejected are empty. */
  notModified: boolean;
  httpStatus: number;
  items: ItemInput[];
  rejected: Rejection[];
  /** Entries seen: items.length + rejected.length. */
  fetched: number;
  /** The listing is everything the source publishes: ingest may withdraw missing items. */
  complete: boolean;
  cacheHints: CacheHints;
  /** A run budget cut the listing short (then `complete` is false). */
  stoppedBy?: RunLimit;
  /** Entries left past the run's maxItems. */
  omitted?: number;
}

/** Runs one source: conditional fetch, parse, map. Throws ConnectorError on any failure. */
export async function runConnector(source: ConnectorSource, options: RunConnectorOptions): Promise<ConnectorResult> {
  try {
    assertRunnable(source);
    const connector = getConnector(source.kind);
    const { maxBytes, maxItems } = options.budget ?? {};
    // The source's credentials stay sealed: only the fetcher (on the main thread) opens them.
    const withCredentials = source.credentials
      ? withSourceCredentials(options.fetcher, source.credentials, source.url)
      : options.fetcher;
    const fetcher = maxBytes ? limitRunBytes(withCredentials, maxBytes) : withCredentials;
    const body = await connector.fetch(source, { fetcher, cache: options.cache ?? {} });
    const cacheHints = hintsFrom(body, options.cache);
    if (!body.notModified) cacheHints.bodyHash = hashBodies(body);
    // A server without validators that sends the very same bytes: nothing to parse or write.
    if (body.notModified || (options.cache?.bodyHash !== undefined && cacheHints.bodyHash === options.cache.bodyHash)) {
      return {
        notModified: true,
        httpStatus: body.httpStatus,
        items: [],
        rejected: [],
        fetched: 0,
        complete: false,
        cacheHints,
      };
    }
    const parsed = await connector.parse(body, { source });
    const mapped = connector.map(parsed, maxItems ? { source, maxItems } : { source });
    if (mapped.ttlSeconds !== undefined) cacheHints.ttlSeconds = mapped.ttlSeconds;
    const { items, rejected } = mapped;
    const stoppedBy: RunLimit | undefined = body.stoppedBy ?? (mapped.omitted ? 'max_items' : undefined);
    return {
      notModified: false,
      httpStatus: body.httpStatus,
      items,
      rejected,
      fetched: items.length + rejected.length,
      complete: mapped.complete && !stoppedBy,
      cacheHints,
      ...(stoppedBy ? { stoppedBy } : {}),
      ...(mapped.omitted ? { omitted: mapped.omitted } : {}),
    };
  } catch (error) {
    throw classifyFailure(error, source.url);
  }
}

/** Runs an unsaved source for an admin preview: no conditional GET, at most `limit` items. */
export async function previewConnector(
  source: Omit<ConnectorSource, 'id'> & { id?: string },
  options: PreviewConnectorOptions,
): Promise<ConnectorResult> {
  const limit = options.limit ?? 20;
  const result = await runConnector(
    { ...source, id: source.id ?? 'preview' },
    { fetcher: options.fetcher, ...(options.budget ? { budget: options.budget } : {}) },
  );
  return { ...result, items: result.items.slice(0, limit), rejected: result.rejected.slice(0, limit) };
}

function hashBodies(body: FetchedBody): string {
  const hash = createHash('sha256');
  for (const page of body.pages) hash.update(page.body);
  return hash.digest('hex');
}

function hintsFrom(body: FetchedBody, cache: ConditionalCache | undefined): CacheHints {
  const { first } = body;
  const hints: CacheHints = {};
  // A 304 may omit the validators; the ones we sent are still the right ones.
  const etag = first.etag ?? (body.notModified ? cache?.etag : undefined);
  const lastModified = first.lastModified ?? (body.notModified ? cache?.lastModified : undefined);
  if (etag) hints.etag = etag;
  if (lastModified) hints.lastModified = lastModified;
  if (first.maxAgeSeconds !== undefined) hints.maxAgeSeconds = first.maxAgeSeconds;
  if (first.retryAfterSeconds !== undefined) hints.retryAfterSeconds = first.retryAfterSeconds;
  return hints;
}

/** Configuration a run cannot do without; a fault here is bad_config, not a fetch failure. */
function assertRunnable(source: ConnectorSource): void {
  const problems: string[] = [];
  if (typeof source.id !== 'string' || source.id.length < 1 || source.id.length > 64)
    problems.push('id: 1 to 64 characters');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(source.partnerId ?? '')) problems.push('partnerId: not a slug');
  if (source.kind === 'json-api') {
    if (!source.mapping) problems.push('mapping: required for a json-api source');
    else
      problems.push(
        ...validateAgainst('SourceInput#/definitions/JsonApiMapping', source.mapping).map(
          (e) => `mapping.${e.field}: ${e.message}`,
        ),
      );
  }
  if (source.defaults) {
    problems.push(
      ...validateAgainst('SourceInput#/definitions/ItemDefaults', source.defaults).map(
        (e) => `defaults.${e.field}: ${e.message}`,
      ),
    );
  }
  if (problems.length)
    throw new ConnectorError('bad_config', `connectors: source ${source.id}: ${problems.join('; ')}`);
}
