/**
 * One run of a claimed source: connector (fetch, parse, map), ingestion, run report, new
 * source state. Any failure ends as a failed run with a stable code; nothing escapes.
 */
import type { Run, RunError } from '../../schemas/index.js';
import { runConnector, type ConnectorResult } from '../../connectors/run-connector.js';
import { isConnectorError } from '../../connectors/shared/errors.js';
import type { Fetcher } from '../../connectors/shared/fetcher/index.js';
import type { Logger } from '../log.js';
import { bumpItemsVersion, withdrawSourceItems } from '../items/index.js';
import { RunModel, type RunDoc } from '../sources/run-model.js';
import type { SourceDoc } from '../sources/source-model.js';
import { toRun } from '../sources/views.js';
import { releaseSource } from '../scheduler/lease.js';
import { computeNextRunAt } from '../scheduler/next-run.js';
import { ingestItems, type IngestResult } from './ingest-items.js';

export interface RunDeps {
  fetcher: Fetcher;
  log: Logger;
  /** Called after a run that created, updated or withdrew items. */
  onItemsChanged?: () => void;
  /** Runs kept per source. Default 200. */
  runHistory?: number;
  now?: () => Date;
}

const ALERT_AFTER = 3;
const EMPTY_COUNTS = { fetched: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 };

interface Outcome {
  status: 'ok' | 'partial' | 'failed';
  result?: ConnectorResult;
  ingest?: IngestResult;
  error?: RunError & { retryAfterSeconds?: number };
}

function validatorsOf(state: SourceDoc['state']): { etag?: string; lastModified?: string; bodyHash?: string } {
  const { etag, lastModified, bodyHash } = state;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), ...(bodyHash ? { bodyHash } : {}) };
}

async function attempt(source: SourceDoc, deps: RunDeps): Promise<Outcome> {
  try {
    const result = await runConnector(
      {
        id: source._id,
        partnerId: source.partnerId,
        kind: source.kind,
        url: source.url,
        complete: source.complete,
        defaults: source.defaults,
        mapping: source.mapping,
      },
      { fetcher: deps.fetcher, cache: validatorsOf(source.state) },
    );
    if (result.notModified) return { status: 'ok', result };
    const ingest = await ingestItems({
      sourceId: source._id,
      items: result.items,
      complete: result.complete, // the connector folds in source.complete and a truncated listing
      rejectedGuids: result.rejected.map((r) => r.guid).filter((g): g is string => !!g),
    });
    const rejected = ingest.counts.rejected + result.rejected.length;
    return { status: rejected > 0 ? 'partial' : 'ok', result, ingest };
  } catch (err) {
    if (isConnectorError(err))
      return {
        status: 'failed',
        error: {
          ...err.toRunError(),
          ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
        },
      };
    deps.log.error({ err, sourceId: source._id }, 'ingest: unexpected failure');
    return { status: 'failed', error: { code: 'internal', message: `ingest: ${(err as Error).message}` } };
  }
}

function toRunDoc(
  source: SourceDoc,
  runId: string,
  trigger: 'schedule' | 'manual',
  startedAt: Date,
  finishedAt: Date,
  o: Outcome,
): RunDoc {
  const counts = o.ingest
    ? {
        fetched: o.result?.fetched ?? 0,
        ...o.ingest.counts,
        rejected: o.ingest.counts.rejected + (o.result?.rejected.length ?? 0),
      }
    : { ...EMPTY_COUNTS, fetched: o.result?.fetched ?? 0 };
  const itemErrors = [...(o.result?.rejected ?? []), ...(o.ingest?.itemErrors ?? [])].slice(0, 100);
  const { retryAfterSeconds: _r, ...error } = o.error ?? ({} as NonNullable<Outcome['error']>);
  return {
    _id: runId,
    sourceId: source._id,
    partnerId: source.partnerId,
    trigger,
    status: o.status,
    ...(o.result?.notModified ? { notModified: true } : {}),
    ...(o.result ? { httpStatus: o.result.httpStatus } : o.error?.httpStatus ? { httpStatus: o.error.httpStatus } : {}),
    ...(o.error ? { error: error as RunError } : {}),
    counts,
    itemErrors,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
}

function nextState(source: SourceDoc, run: RunDoc, o: Outcome, now: Date): SourceDoc['state'] {
  const prev = source.state;
  const retryAfter = o.error?.retryAfterSeconds ?? o.result?.cacheHints.retryAfterSeconds;
  // A 429 or 503 that says when to come back is the server asking for patience, not a fault.
  const deferred =
    o.status === 'failed' &&
    o.error?.retryAfterSeconds !== undefined &&
    (o.error.code === 'http_429' || o.error.httpStatus === 503);
  const failures = o.status !== 'failed' ? 0 : deferred ? prev.consecutiveFailures : prev.consecutiveFailures + 1;
  const hints = o.result?.cacheHints;
  const state: SourceDoc['state'] = {
    ...prev,
    lastRunAt: now,
    lastStatus: o.status,
    lastRunId: run._id,
    consecutiveFailures: failures,
    nextRunAt: computeNextRunAt({
      schedule: source.schedule,
      now,
      succeeded: o.status !== 'failed',
      consecutiveFailures: failures,
      ttlSeconds: hints?.ttlSeconds,
      maxAgeSeconds: hints?.maxAgeSeconds,
      retryAfterSeconds: deferred ? retryAfter : undefined,
    }),
  };
  if (run.httpStatus !== undefined) state.lastHttpStatus = run.httpStatus;
  if (o.status === 'failed') {
    state.lastError = run.error;
    if (failures >= ALERT_AFTER)
      state.alert = {
        since: prev.alert?.since ?? now,
        message: `${failures} échecs consécutifs ; dernière erreur : ${run.error?.code} — ${run.error?.message}`,
      };
    return state;
  }
  delete state.lastError;
  delete state.alert;
  state.lastSuccessAt = now;
  // Validators are kept only after a complete, successful run: a run killed half-way
  // must fetch everything again next time, so that no item is lost.
  if (hints?.etag) state.etag = hints.etag;
  else if (!o.result?.notModified) delete state.etag;
  if (hints?.lastModified) state.lastModified = hints.lastModified;
  else if (!o.result?.notModified) delete state.lastModified;
  if (hints?.bodyHash) state.bodyHash = hints.bodyHash;
  return state;
}

async function pruneHistory(sourceId: string, keep: number): Promise<void> {
  const cutoff = await RunModel.find({ sourceId }, { startedAt: 1 })
    .sort({ startedAt: -1 })
    .skip(keep)
    .limit(1)
    .lean<{ startedAt: Date }[]>();
  if (cutoff[0]) await RunModel.deleteMany({ sourceId, startedAt: { $lte: cutoff[0].startedAt } });
}

/** Runs a source whose lease we hold (source.lease.runId); returns the stored run report. */
export async function runClaimedSource(source: SourceDoc, trigger: 'schedule' | 'manual', deps: RunDeps): Promise<Run> {
  const now = deps.now ?? (() => new Date());
  const runId = source.lease?.runId;
  if (!runId) throw new Error(`ingest: source ${source._id} is not leased`);
  const startedAt = now();
  await RunModel.updateMany(
    { sourceId: source._id, status: 'running' },
    {
      $set: {
        status: 'failed',
        error: { code: 'interrupted', message: 'ingest: the hub stopped during this run' },
        finishedAt: startedAt,
      },
    },
  );
  await RunModel.create({
    _id: runId,
    sourceId: source._id,
    partnerId: source.partnerId,
    trigger,
    status: 'running',
    counts: EMPTY_COUNTS,
    itemErrors: [],
    startedAt,
  });
  const outcome = await attempt(source, deps);
  const run = toRunDoc(source, runId, trigger, startedAt, now(), outcome);
  await RunModel.replaceOne({ _id: runId }, run);
  const released = await releaseSource(
    source,
    nextState(source, run, outcome, run.finishedAt ?? now()),
    run.finishedAt ?? now(),
  );
  // Deleted during the run: what the run stored must not outlive the source.
  if (released === 'gone') await withdrawSourceItems(source._id, now());
  const c = run.counts;
  if (c.created + c.updated + c.withdrawn > 0) {
    await bumpItemsVersion();
    deps.onItemsChanged?.();
  }
  await pruneHistory(source._id, deps.runHistory ?? 200);
  deps.log.info(
    { sourceId: source._id, runId, status: run.status, counts: c, code: run.error?.code },
    'ingest: run finished',
  );
  return toRun(run);
}
