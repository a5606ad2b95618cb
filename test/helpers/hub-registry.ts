/**
 * How to close the test hubs started and not closed yet, in this worker (kept on globalThis:
 * the files of a worker share the process, vitest.config.ts). test/helpers/file-setup.ts
 * closes those a file left running (its afterAll failed or timed out), so that they do not go
 * on working in the next file's database. Apart from hub.ts so that the set-up file, run before
 * every file, does not import the hub.
 */
export function runningHubs(): Set<() => Promise<void>> {
  const holder = globalThis as unknown as Record<symbol, Set<() => Promise<void>> | undefined>;
  return (holder[Symbol.for('passerelle.test.runningHubs')] ??= new Set());
}
