/** The scheduler: claims due sources, runs them through ingest, releases them. */
export { createScheduler, type Scheduler, type SchedulerOptions, type SourceHealthChange } from './scheduler.js';
export { limitPerHost } from './host-limited-fetcher.js';
