/**
 * The process's Prometheus registry and every metric the hub exports. One registry per
 * process (each hub is scraped on its own); the record functions are what the other
 * folders call, so that none of them holds a prom-client object.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
// Event-loop delay, heap, resident memory, GC, handles: prom-client's standard set.
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'passerelle_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'passerelle_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: HTTP_BUCKETS,
  registers: [registry],
});

const sourceRuns = new Counter({
  name: 'passerelle_source_runs_total',
  help: 'Source runs finished by this process, by status (ok, partial, failed).',
  labelNames: ['status'] as const,
  registers: [registry],
});

const sourceRunDuration = new Histogram({
  name: 'passerelle_source_run_duration_seconds',
  help: 'Duration of a source run (fetch, parse, ingest), by status.',
  labelNames: ['status'] as const,
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

const itemsIngested = new Counter({
  name: 'passerelle_items_ingested_total',
  help: 'Items written by source runs of this process, by outcome (created, updated, withdrawn).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const indexBuildDuration = new Histogram({
  name: 'passerelle_search_index_build_seconds',
  help: 'Full builds of the search index by this process: reading the items and building.',
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers: [registry],
});

const indexBytes = new Gauge({
  name: 'passerelle_search_index_bytes',
  help: 'Size of the serialized search index in use.',
  registers: [registry],
});

const indexUpdates = new Counter({
  name: 'passerelle_search_index_updates_total',
  help: 'How the search index was brought up to date: full build, stored index loaded, incremental change.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

const commentsWritten = new Counter({
  name: 'passerelle_comments_written_total',
  help: 'Comments written through this process, by status given (published, pending…).',
  labelNames: ['status'] as const,
  registers: [registry],
});

const likesWritten = new Counter({
  name: 'passerelle_likes_written_total',
  help: 'Likes recorded through this process (a repeated like of the same visitor is not counted).',
  registers: [registry],
});

const rateLimitRefusals = new Counter({
  name: 'passerelle_rate_limit_refusals_total',
  help: 'Actions refused by a rate limit, by rule.',
  labelNames: ['rule'] as const,
  registers: [registry],
});

const databaseErrors = new Counter({
  name: 'passerelle_database_errors_total',
  help: 'Database errors seen by this process, by where they surfaced (request, connection).',
  labelNames: ['where'] as const,
  registers: [registry],
});

/** A source run ended. */
export function recordSourceRun(status: string, seconds: number): void {
  sourceRuns.inc({ status });
  sourceRunDuration.observe({ status }, seconds);
}

/** Items a run created, updated or withdrew. */
export function recordItemsIngested(counts: { created: number; updated: number; withdrawn: number }): void {
  for (const outcome of ['created', 'updated', 'withdrawn'] as const) {
    if (counts[outcome] > 0) itemsIngested.inc({ outcome }, counts[outcome]);
  }
}

/** A full index build finished and was swapped in. */
export function recordIndexBuild(seconds: number, bytes: number): void {
  indexBuildDuration.observe(seconds);
  indexBytes.set(bytes);
  indexUpdates.inc({ kind: 'build' });
}

/** An index stored by another process was loaded, or changes applied incrementally. */
export function recordIndexUpdate(kind: 'stored' | 'incremental', bytes?: number): void {
  indexUpdates.inc({ kind });
  if (bytes !== undefined) indexBytes.set(bytes);
}

export function recordCommentWritten(status: string): void {
  commentsWritten.inc({ status });
}

export function recordLikeWritten(): void {
  likesWritten.inc();
}

export function recordRateLimitRefusal(rule: string): void {
  rateLimitRefusals.inc({ rule });
}

export function recordDatabaseError(where: 'request' | 'connection' | 'background'): void {
  databaseErrors.inc({ where });
}

/** Ensures every labelled series exists at 0, so that rates work from the first scrape. */
for (const status of ['ok', 'partial', 'failed']) sourceRuns.inc({ status }, 0);
for (const where of ['request', 'connection', 'background']) databaseErrors.inc({ where }, 0);
likesWritten.inc(0);
