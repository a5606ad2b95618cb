/** Pure parts of a run: the stored report, and the source's next state (schedule, alert, validators). */
import type { RunError, RunNotice } from '../../schemas/index.js';
import type { ConnectorResult } from '../../connectors/index.js';
import { computeNextRunAt, EMPTY_COUNTS, type RunDoc, type SourceDoc, type SourceState } from '../sources/index.js';
import type { IngestResult } from './ingest-items.js';

/** Consecutive failures after which a source carries an alert for its partner's admins. */
export const ALERT_AFTER = 3;
/** Rejections of a run whose raw entry is kept in the report. */
const ENTRIES_KEPT = 20;

export interface Outcome {
  status: 'ok' | 'partial' | 'failed';
  result?: ConnectorResult;
  ingest?: IngestResult;
  error?: RunError & { retryAfterSeconds?: number };
  /** A budget of the run was reached (then the status is partial). */
  notice?: RunNotice;
}

/** The run report as stored. */
export function toRunDoc(
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
  // The raw entry of the first rejections only: enough to see what is wrong, not a copy of the source.
  const itemErrors = [...(o.result?.rejected ?? []), ...(o.ingest?.itemErrors ?? [])]
    .slice(0, 100)
    .map((e, i) => (i < ENTRIES_KEPT || !('entry' in e) ? e : { ...e, entry: undefined }))
    .map((e) => JSON.parse(JSON.stringify(e)) as RunDoc['itemErrors'][number]);
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
    ...(o.notice ? { notice: o.notice } : {}),
    counts,
    itemErrors,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
}

/** The French alert an agent reads after ALERT_AFTER failures in a row. */
export function alertMessage(failures: number, error: RunError | undefined): string {
  const last = error ? `${error.message} (code ${error.code})` : 'inconnue';
  return `${failures} échecs consécutifs ; dernière erreur : ${last}`;
}

/** The source's state after a run: next attempt, failure count, alert, validators. */
export function nextState(source: SourceDoc, run: RunDoc, o: Outcome, now: Date): SourceState {
  const prev = source.state;
  const retryAfter = o.error?.retryAfterSeconds ?? o.result?.cacheHints.retryAfterSeconds;
  // A 429 or 503 that says when to come back is the server asking for patience, not a fault.
  const deferred =
    o.status === 'failed' &&
    o.error?.retryAfterSeconds !== undefined &&
    (o.error.code === 'http_429' || o.error.httpStatus === 503);
  const failures = o.status !== 'failed' ? 0 : deferred ? prev.consecutiveFailures : prev.consecutiveFailures + 1;
  const hints = o.result?.cacheHints;
  const state: SourceState = {
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
      state.alert = { since: prev.alert?.since ?? now, message: alertMessage(failures, run.error) };
    return state;
  }
  delete state.lastError;
  delete state.alert;
  state.lastSuccessAt = now;
  // Validators are kept only after a complete, successful run: a run killed half-way
  // must fetch everything again next time, so that no item is lost. A run cut by a budget
  // keeps none either: its next run reads and reports the same way.
  if (o.notice) {
    delete state.etag;
    delete state.lastModified;
    delete state.bodyHash;
    return state;
  }
  if (hints?.etag) state.etag = hints.etag;
  else if (!o.result?.notModified) delete state.etag;
  if (hints?.lastModified) state.lastModified = hints.lastModified;
  else if (!o.result?.notModified) delete state.lastModified;
  if (hints?.bodyHash) state.bodyHash = hints.bodyHash;
  return state;
}
