import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './test/helpers/long-first-sequencer.js';

/**
 * Files that must run alone in a fresh process: they measure the process itself (the hub's
 * peak RSS, which in a shared worker would count the files run before).
 */
const FRESH_PROCESS = ['test/hub/ingest/hostile-sources.test.ts'];
const EXCLUDE = ['test/bench/**', 'node_modules/**'];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // Puts back what a file may change for the whole worker (env, timers, hubs and a connection left open).
    setupFiles: ['test/helpers/file-setup.ts'],
    pool: 'forks',
    poolOptions: {
      forks: {
        // Three files at a time on two cores: with two, the cores were idle 40 % of a clean
        // `.ci/run` (20 min 39 s of CPU in 17 min 20 s of tests: browsers, child hubs and
        // polls wait), docs/benchmarks.md « Test suite duration ».
        maxForks: 3,
        // As many kept as allowed: with fewer, tinypool ends an idle worker while vitest still
        // holds it, and the run dies at its end with « Terminating worker thread » (seen with
        // 3 / 1; vitest-dev/vitest#8133, #8564).
        minForks: 3,
        // The files of a worker share its process and module cache: each file no longer
        // starts a process and re-imports the ~660 source modules (docs/benchmarks.md,
        // « Test suite duration »). The tests keep their own databases, hubs and servers.
        isolate: false,
      },
    },
    // The longest files first, so that the two workers end together (see the sequencer).
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 30_000,
    // Browser and multi-process tests poll for a state; on a loaded two-core machine 1 s is too short.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.{ts,tsx}'], exclude: [...EXCLUDE, ...FRESH_PROCESS] },
      },
      // Run after the others, in one new process (alone: only one file here).
      {
        extends: true,
        test: {
          name: 'fresh-process',
          include: FRESH_PROCESS,
          exclude: EXCLUDE,
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
