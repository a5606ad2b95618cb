/**
 * Sources: what partners publish, their schedule, their runs. The scheduler claims and
 * releases through the operations below; ingest writes runs through them.
 */
export { adminSourceRoutes, type SourceRouteDeps } from './routes.js';
export {
  countPartnerSources,
  createSource,
  findListedSource,
  findSource,
  listActiveSources,
  listSources,
  moveCredentialsOutOfAddresses,
} from './sources.js';
export { openSealedCredentials, type StoredCredentials } from './credentials.js';
export { toConnectorSource } from './connector-source.js';
export { closeInterruptedRuns, EMPTY_COUNTS, findRun, listRuns, openRun, pruneRuns, saveRun } from './runs.js';
export { findDueSources, recordLease, writeRunState, type SourceLease, type SourceState } from './claims.js';
export {
  backoffDelayMs,
  checkCronExpression,
  computeNextRunAt,
  DEFAULT_SCHEDULE,
  MIN_RUN_INTERVAL_MS,
  nextCronRun,
  TIMEZONE,
} from './schedule.js';
export type { SourceDoc } from './source-model.js';
export type { RunDoc } from './run-model.js';
export { toRun, toSource } from './views.js';
export {
  assertSourceSemantics,
  createSealedSource,
  previewUnsavedSource,
  snapshotSource,
  updateSealedSource,
} from './operations.js';
export { previewBody, previewSource } from './connector-source.js';
export { deleteSource, updateSource } from './sources.js';
