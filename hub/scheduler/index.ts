export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
export { limitPerHost } from './host-limited-fetcher.js';
export {
  checkCronExpression,
  computeNextRunAt,
  nextCronRun,
  backoffDelayMs,
  DEFAULT_SCHEDULE,
  TIMEZONE,
} from './next-run.js';
export { claimDueSources, claimSource, claimSourceById, releaseSource } from './lease.js';
