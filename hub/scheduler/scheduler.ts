/**
 * node-cron ticks (Pacific/Noumea) claim due sources through the lease and hand them to
 * a bounded queue. The scheduler claims, runs (ingest's runClaimedSource) and releases:
 * the path goes one way, scheduler → ingest → sources. A tick never throws.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Run } from '../../schemas/index.js';
import type { Logger } from '../log.js';
import { closeAbandonedRun, runClaimedSource, type RunDeps, type RunOptions } from '../ingest/index.js';
import { withdrawSourceItems } from '../items/index.js';
import { findRun, findSource, listRuns, TIMEZONE, toRun, type SourceDoc, type SourceState } from '../sources/index.js';
import {
  claimAbandonedSources,
  claimDueSources,
  claimSourceById,
  currentRunId,
  releaseSource,
  renewClaim,
} from './lease.js';
import { Semaphore } from './limiter.js';

export interface SchedulerOptions extends RunDeps {
  log: Logger;
  /** Sources run at once by this process. */
  concurrency: number;
  /**
   * How long a claim lasts without renewal; the holder renews it every third of that while
   * its run lives, so a crashed holder's claim expires within it. Default 60 s.
   */
  leaseMs?: number;
  /** node-cron expression of the tick. Default every 30 seconds. */
  tick?: string;
  /** How long an admin's "run now" waits for a run already in progress. Default 20 s. */
  reportWaitMs?: number;
  /**
   * Told when a source starts carrying an alert (its third failure in a row) and when it
   * loses it (the next success): the notifications hook. Never awaited by the run.
   */
  onSourceHealth?: (change: SourceHealthChange) => void;
}

/** A source's alert appeared (failing) or went away (recovered) with this run. */
export interface SourceHealthChange {
  change: 'failing' | 'recovered';
  source: SourceDoc;
  run: Run;
  state: SourceState;
}

export interface Scheduler {
  /** This process's name in leases. */
  readonly owner: string;
  start(): void;
  stop(): Promise<void>;
  /**
   * Closes the runs of crashed hubs (claims no longer renewed), then claims due sources up
   * to the free slots and starts them; resolves when they are claimed.
   */
  tick(): Promise<number>;
  /** Looks for due sources now rather than at the next tick (after a source is created). */
  nudge(): void;
  /** Resolves when every run started by this process has finished. */
  idle(): Promise<void>;
  /** Runs one source now; undefined when another run holds it. */
  runNow(sourceId: string): Promise<Run | undefined>;
  /**
   * An admin's "run now": runs the source reading it whole (no conditional GET, so the
   * report has real counts); when a run already holds it, waits up to reportWaitMs for
   * that run and returns it, finished or still running. Undefined when no run can be read.
   */
  requestRun(sourceId: string): Promise<Run | undefined>;
}

/** Creates the scheduler of this process. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const queue = new Semaphore(options.concurrency);
  const running = new Set<Promise<unknown>>();
  const now = options.now ?? (() => new Date());
  let task: ScheduledTask | undefined;
  let ticking = false;
  /** Claimed but not yet started: they hold a queue place already. */
  let pending = 0;

  /** Runs a claimed source, extending the claim every third of the lease while it runs, then releases it. */
  const runLeased = async (source: SourceDoc, runOptions: RunOptions): Promise<Run> => {
    const renew = setInterval(
      () => {
        renewClaim(source, new Date(now().getTime() + leaseMs)).catch((err: unknown) =>
          options.log.warn({ err, sourceId: source._id }, 'scheduler: claim renewal failed'),
        );
      },
      Math.max(1000, leaseMs / 3),
    );
    let result;
    try {
      result = await runClaimedSource(source, runOptions, options);
    } finally {
      clearInterval(renew);
    }
    const released = await releaseSource(source, result.state, now());
    // Deleted during the run: what the run stored must not outlive the source.
    if (released === 'gone') await withdrawSourceItems(source._id, now());
    else if (!source.state.alert !== !result.state.alert)
      options.onSourceHealth?.({
        change: result.state.alert ? 'failing' : 'recovered',
        source,
        run: result.run,
        state: result.state,
      });
    return result.run;
  };

  /**
   * An admin's run: the scheduled run that just read the source unchanged since, else ours
   * if the source is free, else the run holding it, awaited up to reportWaitMs. The source is claimed again at each look: a claim that expires meanwhile
   * (its hub died) gives way to a new run, and the dead run is closed as interrupted.
   */
  const requestRun = async (sourceId: string): Promise<Run | undefined> => {
    const deadline = Date.now() + (options.reportWaitMs ?? 20_000);
    let waitedRunId: string | undefined;
    for (;;) {
      const fresh = await findFreshScheduledRun(sourceId, now());
      if (fresh) return fresh;
      const source = await claimSourceById(sourceId, owner, now(), leaseMs);
      if (source) return track(runLeased(source, { trigger: 'manual', fullRead: true }));
      waitedRunId ??= await currentRunId(sourceId, now());
      const run = waitedRunId ? await findRun(waitedRunId) : undefined;
      if ((run && run.status !== 'running') || Date.now() >= deadline) return run;
      // A claim whose run cannot be read yet (just taken) is looked up again.
      if (!run) waitedRunId = undefined;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  /** Closes the runs whose hub stopped renewing its claim, and releases their sources. */
  const recoverAbandoned = async (): Promise<void> => {
    for (const source of await claimAbandonedSources(owner, now(), leaseMs)) {
      const { state } = await closeAbandonedRun(source, options);
      await releaseSource(source, state, now());
    }
  };

  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
    return p;
  };

  async function tick(): Promise<number> {
    if (ticking) return 0;
    ticking = true;
    let claimed = 0;
    try {
      await recoverAbandoned();
    } catch (err) {
      options.log.error({ err }, 'scheduler: closing abandoned runs failed');
    }
    try {
      for (const source of await claimDueSources(owner, now(), leaseMs, queue.free - pending)) {
        claimed += 1;
        pending += 1;
        void track(
          queue
            .run(() => {
              pending -= 1;
              return runLeased(source, { trigger: 'schedule' });
            })
            .catch((err: unknown) => {
              options.log.error({ err, sourceId: source._id }, 'scheduler: run crashed');
            }),
        );
      }
    } catch (err) {
      options.log.error({ err }, 'scheduler: tick failed');
    } finally {
      ticking = false;
    }
    return claimed;
  }

  return {
    owner,
    tick,
    start() {
      task = cron.schedule(options.tick ?? '*/30 * * * * *', () => void tick(), {
        timezone: TIMEZONE,
        name: 'passerelle-scheduler',
        noOverlap: true,
      });
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await Promise.allSettled([...running]);
    },
    nudge() {
      if (task) void tick();
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async runNow(sourceId) {
      const source = await claimSourceById(sourceId, owner, now(), leaseMs);
      if (!source) return undefined;
      return track(runLeased(source, { trigger: 'manual' }));
    },
    requestRun,
  };
}

/** A scheduled run finished this recently answers « run now » itself: it read the source just now. */
const FRESH_RUN_MS = 10_000;

/**
 * The scheduled run that just finished — the first run of a new source, typically — when
 * nothing changed in the source since it started: running again would read the same thing
 * and report every item unchanged. A change of the source (an admin fixing its address)
 * always gets a new run.
 */
async function findFreshScheduledRun(sourceId: string, at: Date): Promise<Run | undefined> {
  const [latest] = await listRuns(sourceId, 1);
  if (!latest || latest.trigger !== 'schedule' || !latest.finishedAt) return undefined;
  if (at.getTime() - latest.finishedAt.getTime() > FRESH_RUN_MS) return undefined;
  const source = await findSource(sourceId);
  return source && source.updatedAt <= latest.startedAt ? toRun(latest) : undefined;
}
