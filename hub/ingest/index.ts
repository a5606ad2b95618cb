/** Ingestion: one run of a claimed source, from the connector to the stored items and the run report. */
export { runClaimedSource, type RunDeps, type RunOptions, type RunResult } from './run-source.js';
export { ingestItems, type IngestCounts, type IngestInput, type IngestResult } from './ingest-items.js';
export { ALERT_AFTER } from './run-report.js';
export { closeAbandonedRun } from './recover-run.js';
