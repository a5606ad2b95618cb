/**
 * What is left of a run whose hub died: the scheduler claimed the source after the dead
 * holder's claim expired; here the run still "running" becomes interrupted, counts as a
 * failure (backoff, alert after ALERT_AFTER), and the items it wrote are announced, so that
 * every hub's search index takes them in.
 */
import type { Run } from '../../schemas/index.js';
import { bumpItemsVersion } from '../items/index.js';
import { closeInterruptedRuns, toRun, type SourceDoc, type SourceState } from '../sources/index.js';
import type { RunDeps } from './run-source.js';
import { nextState } from './run-report.js';

/** Closes the abandoned run of a source the caller holds; returns the state to release it with. */
export async function closeAbandonedRun(
  source: SourceDoc,
  deps: Pick<RunDeps, 'log' | 'onItemsChanged' | 'now'>,
): Promise<{ state: SourceState; run?: Run }> {
  const now = (deps.now ?? (() => new Date()))();
  const closed = await closeInterruptedRuns(source._id, now);
  // The dead process's last batch may be unannounced, and its ids are unknown here.
  await bumpItemsVersion({ everything: true });
  deps.onItemsChanged?.();
  const last = closed[closed.length - 1];
  if (!last) return { state: source.state };
  deps.log.warn(
    { sourceId: source._id, runId: last._id },
    'ingest: run interrupted (its hub stopped renewing its claim)',
  );
  return { state: nextState(source, last, { status: 'failed', error: last.error }, now), run: toRun(last) };
}
