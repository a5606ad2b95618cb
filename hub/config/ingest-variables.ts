/** How sources are scheduled and read: concurrency, politeness, budgets, threads. */
import { boolean, define, integer } from './parse.js';

export const INGEST_VARIABLES = [
  define({
    name: 'SCHEDULER_ENABLED',
    key: 'schedulerEnabled',
    default: 'true',
    doc: 'Run sources on their schedule in this process.',
    parse: boolean,
  }),
  define({
    name: 'SCHEDULER_CONCURRENCY',
    key: 'schedulerConcurrency',
    default: '4',
    doc: 'Sources fetched at once by this process (at most 2 per partner host).',
    parse: integer(1, 64),
  }),
  define({
    name: 'SCHEDULER_TICK_SECONDS',
    key: 'schedulerTickSeconds',
    default: '30',
    doc: 'How often the scheduler looks for due sources (1–59 s).',
    parse: integer(1, 59),
  }),
  define({
    name: 'FETCH_TIMEOUT_MS',
    key: 'fetchTimeoutMs',
    default: '30000',
    doc: 'Total time allowed for one fetch of a source.',
    parse: integer(1000, 600000),
  }),
  define({
    name: 'FETCH_MAX_BYTES',
    key: 'fetchMaxBytes',
    default: '20971520',
    doc: 'Largest source body accepted, after decompression.',
    parse: integer(1024, 1073741824),
  }),
  define({
    name: 'RUN_MAX_BYTES',
    key: 'runMaxBytes',
    default: undefined,
    doc: 'Bytes read in one run of a source, all pages together (default: `FETCH_MAX_BYTES`); past it the pages stop and the run is partial.',
    parse: integer(1024, 1073741824),
  }),
  define({
    name: 'RUN_MAX_ITEMS',
    key: 'runMaxItems',
    default: '20000',
    doc: 'Entries taken in one run of a source; past it the run is partial, the rest is left and nothing is withdrawn.',
    parse: integer(1, 1000000),
  }),
  define({
    name: 'RUN_TIMEOUT_SECONDS',
    key: 'runTimeoutSeconds',
    default: '300',
    doc: 'Time a read of one source (fetch, parse, map) in its reader thread may go without progress (a page fetched, a fiche parsed, an entry mapped); past it, or past 4 times it in all, the run fails with `timeout`.',
    parse: integer(5, 3600),
  }),
  define({
    name: 'READER_THREADS',
    key: 'readerThreads',
    default: '2',
    doc: 'Worker threads that read sources (runs and previews) off the main thread; more sources wait their turn.',
    parse: integer(1, 16),
  }),
  define({
    name: 'READER_WARM',
    key: 'readerWarm',
    default: 'true',
    doc: 'Start one reader thread with the hub and keep it, so a first run or preview does not wait seconds for it; `false` starts threads when a source is read (tools, tests).',
    parse: boolean,
  }),
  define({
    name: 'READER_MEMORY_MB',
    key: 'readerMemoryMb',
    default: '512',
    doc: 'Heap limit of each reader thread, in MiB; a source that needs more fails with `too_large`.',
    parse: integer(64, 8192),
  }),
  define({
    name: 'SCHEDULER_LEASE_SECONDS',
    key: 'schedulerLeaseSeconds',
    default: '60',
    doc: "How long a claim on a running source lasts without renewal (renewed every third of it); a crashed hub's run is marked interrupted after it.",
    parse: integer(15, 3600),
  }),
] as const;
