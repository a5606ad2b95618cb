/**
 * One run of a claimed source: connector (fetch, parse, map), ingestion, run report, and
 * the source's next state. Any failure ends as a failed run with a stable code; nothing
 * escapes. The caller (the scheduler) holds the claim and writes the state when it
 * releases it: ingest never reaches back into the scheduler.
 */
import type { Run } from '../../schemas/index.js';
import {
  describeFailure,
  describeRunLimit,
  isConnectorError,
  type ReaderPool,
  type RunBudget,
} from '../../connectors/index.js';
import type { Logger } from '../log.js';
import { bumpItemsVersion } from '../items/index.js';
import { recordItemsIngested, recordSourceRun } from '../metrics/index.js';
import {
  closeInterruptedRuns,
  openRun,
  pruneRuns,
  saveRun,
  toConnectorSource,
  toRun,
  type SourceDoc,
  type SourceState,
} from '../sources/index.js';
import { syncFicheServices, syncSourceServices } from '../online-services/index.js';
import { ingestItems, type IngestInput, type IngestResult } from './ingest-items.js';
import { nextState, toRunDoc, type Outcome } from './run-report.js';

export interface RunDeps {
  /** Reads sources: the reader pool (threads) in the hub. */
  reader: ReaderPool;
  /** Budgets of every run (bytes over all pages, entries taken). Default: none. */
  budget?: RunBudget;
  log: Logger;
  /** Called after a run that created, updated or withdrew items. */
  onItemsChanged?: () => void;
  /** Runs kept per source. Default 200. */
  runHistory?: number;
  now?: () => Date;
}

export interface RunOptions {
  trigger: 'schedule' | 'manual';
  /** Read the whole source, ignoring the validators of the last run (an admin's "run now"). */
  fullRead?: boolean;
}

/** What a run gives back: its report, and the state the source should take on release. */
export interface RunResult {
  run: Run;
  state: SourceState;
}

function validatorsOf(state: SourceState): { etag?: string; lastModified?: string; bodyHash?: string } {
  const { etag, lastModified, bodyHash } = state;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), ...(bodyHash ? { bodyHash } : {}) };
}

async function attempt(source: SourceDoc, deps: RunDeps, fullRead: boolean): Promise<Outcome> {
  const budget = deps.budget ?? {};
  try {
    // The source's credentials stay sealed in it: only the fetcher opens them.
    const result = await deps.reader.read(toConnectorSource(source), {
      cache: fullRead ? {} : validatorsOf(source.state),
      budget,
    });
    if (result.notModified) return { status: 'ok', result };
    const listing = {
      sourceId: source._id,
      partnerId: source.partnerId,
      items: result.items,
      complete: result.complete, // the connector folds in source.complete, a truncated listing and the budgets
      rejectedGuids: result.rejected.map((r) => r.guid).filter((g): g is string => !!g),
      // Every written batch is announced: the index follows the database, even if this process dies mid-run.
      onWritten: async () => void (await bumpItemsVersion()),
    };
    const ingest = source.entries === 'services' ? await ingestServices(listing) : await ingestItemsAndLinks(listing);
    const rejected = ingest.counts.rejected + result.rejected.length;
    const notice = describeRunLimit(result, budget);
    return { status: rejected > 0 || notice ? 'partial' : 'ok', result, ingest, ...(notice ? { notice } : {}) };
  } catch (err) {
    if (isConnectorError(err)) {
      // The agent reads a French sentence built from the code; the developer detail stays here.
      deps.log.warn({ sourceId: source._id, code: err.code, detail: err.message }, 'ingest: source failed');
      return {
        status: 'failed',
        error: {
          ...err.toRunError(),
          ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
        },
      };
    }
    deps.log.error({ err, sourceId: source._id }, 'ingest: unexpected failure');
    return { status: 'failed', error: { code: 'internal', message: describeFailure('internal') } };
  }
}

type Listing = IngestInput & { partnerId: string };

/** A source of online services writes the registry, not items. */
async function ingestServices(listing: Listing): Promise<IngestResult> {
  return { counts: await syncSourceServices(listing), itemErrors: [] };
}

/** Items, then the registry entries their « Services en ligne et formulaires » point to. */
async function ingestItemsAndLinks(listing: Listing): Promise<IngestResult> {
  const ingest = await ingestItems(listing);
  await syncFicheServices(listing);
  return ingest;
}

/** Runs a source whose claim the caller holds (source.lease.runId); returns the report and the next state. */
export async function runClaimedSource(source: SourceDoc, options: RunOptions, deps: RunDeps): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const runId = source.lease?.runId;
  if (!runId) throw new Error(`ingest: source ${source._id} is not leased`);
  const startedAt = now();
  // Items of a run that died may lack their announcement (cut in the middle of a batch).
  if ((await closeInterruptedRuns(source._id, startedAt)).length) await bumpItemsVersion({ everything: true });
  await openRun({ id: runId, sourceId: source._id, partnerId: source.partnerId, trigger: options.trigger, startedAt });
  const outcome = await attempt(source, deps, options.fullRead ?? false);
  const run = toRunDoc(source, runId, options.trigger, startedAt, now(), outcome);
  await saveRun(run);
  const c = run.counts;
  recordSourceRun(run.status, ((run.finishedAt ?? now()).getTime() - startedAt.getTime()) / 1000);
  recordItemsIngested(c);
  // The data version was bumped after each written batch already.
  if (c.created + c.updated + c.withdrawn > 0) deps.onItemsChanged?.();
  await pruneRuns(source._id, deps.runHistory ?? 200);
  deps.log.info(
    { sourceId: source._id, runId, status: run.status, counts: c, code: run.error?.code },
    'ingest: run finished',
  );
  const state = nextState(source, run, outcome, run.finishedAt ?? now());
  // What the sources list shows, after a run that read the source: from the run's own
  // reads and writes (ingest-items.ts), not a count of the items, a scan on FerretDB.
  if (outcome.ingest?.published !== undefined) state.itemCount = Math.max(0, outcome.ingest.published);
  return { run: toRun(run), state };
}
