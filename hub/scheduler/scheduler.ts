/**
 * node-cron ticks (Pacific/Noumea) claim due sources through the lease and hand them to
 * a bounded queue; the work itself is runClaimedSource. A tick never throws.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Run } from '../../schemas/index.js';
import type { SourceDoc } from '../sources/source-model.js';
import type { Logger } from '../log.js';
import { runClaimedSource, type RunDeps } from '../ingest/run-source.js';
import { claimDueSources, claimSourceById, renewClaim } from './lease.js';
import { Semaphore } from './limiter.js';
import { TIMEZONE } from './next-run.js';

export interface SchedulerOptions extends RunDeps {
  log: Logger;
  /** Sources run at once by this process. */
  concurrency: number;
  /** How long a claim lasts; a crashed holder's claim expires after it. Default 15 min. */
  leaseMs?: number;
  /** node-cron expression of the tick. Default every 30 seconds. */
  tick?: string;
}

export interface Scheduler {
  /** This process's name in leases. */
  readonly owner: string;
  start(): void;
  stop(): Promise<void>;
  /** Claims due sources up to the free slots and starts them; resolves when they are claimed. */
  tick(): Promise<number>;
  /** Looks for due sources now rather than at the next tick (after a source is created). */
  nudge(): void;
  /** Resolves when every run started by this process has finished. */
  idle(): Promise<void>;
  /** Runs one source now (admin "run"); undefined when another run holds it. */
  runNow(sourceId: string): Promise<Run | undefined>;
}

/** Creates the scheduler of this process. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 15 * 60_000;
  const queue = new Semaphore(options.concurrency);
  const running = new Set<Promise<unknown>>();
  const now = options.now ?? (() => new Date());
  let task: ScheduledTask | undefined;
  let ticking = false;
  /** Claimed but not yet started: they hold a queue place already. */
  let pending = 0;

  /** Runs a claimed source, extending the claim every third of the lease while it runs. */
  const runLeased = async (source: SourceDoc, trigger: 'schedule' | 'manual'): Promise<Run> => {
    const renew = setInterval(
      () => {
        renewClaim(source, new Date(now().getTime() + leaseMs)).catch((err: unknown) =>
          options.log.warn({ err, sourceId: source._id }, 'scheduler: claim renewal failed'),
        );
      },
      Math.max(1000, leaseMs / 3),
    );
    try {
      return await runClaimedSource(source, trigger, options);
    } finally {
      clearInterval(renew);
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
      for (const source of await claimDueSources(owner, now(), leaseMs, queue.free - pending)) {
        claimed += 1;
        pending += 1;
        void track(
          queue
            .run(() => {
              pending -= 1;
              return runLeased(source, 'schedule');
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
      return track(runLeased(source, 'manual'));
    },
  };
}
