/** Run records of a source: opened when a run starts, replaced by the report when it ends. */
import type { Run } from '../../schemas/index.js';
import { RunModel, type RunDoc } from './run-model.js';
import { toRun } from './views.js';

/** Counts of a run that has not read anything yet. */
export const EMPTY_COUNTS = { fetched: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 };

/** What an agent reads of a run whose hub stopped while it ran. */
const INTERRUPTED = {
  code: 'interrupted',
  message:
    "la collecte a été interrompue : le hub qui la menait s'est arrêté en cours de route (arrêt forcé, panne ou base de données injoignable) ; ce qu'elle avait déjà enregistré est gardé",
};

/**
 * Marks as failed (interrupted) the runs of a source still "running": their holder died.
 * Returns them as closed, oldest first.
 */
export async function closeInterruptedRuns(sourceId: string, at: Date): Promise<RunDoc[]> {
  const running = await RunModel.find({ sourceId, status: 'running' }).sort({ startedAt: 1 }).lean<RunDoc[]>();
  if (!running.length) return [];
  const closed = { status: 'failed' as const, error: INTERRUPTED, finishedAt: at };
  await RunModel.updateMany({ _id: { $in: running.map((r) => r._id) }, status: 'running' }, { $set: closed });
  return running.map((run) => ({ ...run, ...closed, durationMs: at.getTime() - run.startedAt.getTime() }));
}

/** Stores a run in progress. */
export async function openRun(run: {
  id: string;
  sourceId: string;
  partnerId: string;
  trigger: 'schedule' | 'manual';
  startedAt: Date;
}): Promise<void> {
  const { id, ...rest } = run;
  await RunModel.create({ _id: id, ...rest, status: 'running', counts: EMPTY_COUNTS, itemErrors: [] });
}

/** Replaces a run in progress by its final report. */
export async function saveRun(run: RunDoc): Promise<void> {
  await RunModel.replaceOne({ _id: run._id }, run);
}

/** One run report, or undefined. */
export async function findRun(id: string): Promise<Run | undefined> {
  const doc = await RunModel.findById(id).lean<RunDoc>();
  return doc ? toRun(doc) : undefined;
}

/** Keeps the `keep` newest runs of a source, deletes the older ones. */
export async function pruneRuns(sourceId: string, keep: number): Promise<void> {
  const cutoff = await RunModel.find({ sourceId }, { startedAt: 1 })
    .sort({ startedAt: -1 })
    .skip(keep)
    .limit(1)
    .lean<{ startedAt: Date }[]>();
  if (cutoff[0]) await RunModel.deleteMany({ sourceId, startedAt: { $lte: cutoff[0].startedAt } });
}

/** The latest runs of a source, newest first. */
export async function listRuns(sourceId: string, limit = 50): Promise<RunDoc[]> {
  return RunModel.find({ sourceId }).sort({ startedAt: -1 }).limit(limit).lean<RunDoc[]>();
}

/** Deletes every run of a source (the source was deleted). */
export async function deleteRuns(sourceId: string): Promise<void> {
  await RunModel.deleteMany({ sourceId });
}
