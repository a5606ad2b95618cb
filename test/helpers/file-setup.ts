/**
 * Runs before every test file (vitest `setupFiles`). The files of one worker share a process
 * and its module cache (`isolate: false` in vitest.config.ts: each file no longer re-imports
 * the ~660 source modules), so what a file leaves behind would reach the next one. This puts
 * back, after each file, what a file may change for the whole process: the environment
 * variables, the timers, a mongoose connection left open.
 */
import mongoose from 'mongoose';
import { afterAll, vi } from 'vitest';
import { runningHubs } from './hub-registry.js';

/** The environment as the worker started, kept across files (this module runs again for each). */
const KEY = Symbol.for('passerelle.test.startEnv');
const holder = globalThis as unknown as Record<symbol, Record<string, string | undefined> | undefined>;
const startEnv = (holder[KEY] ??= { ...process.env });

/** Vitest's own variables (the worker's id, set for each file) are left to it. */
const ours = (name: string) => !name.startsWith('VITEST');

/** Puts process.env back as it was when the worker started. */
function restoreEnv(): void {
  for (const name of Object.keys(process.env)) if (ours(name) && !(name in startEnv)) delete process.env[name];
  for (const [name, value] of Object.entries(startEnv))
    if (ours(name) && process.env[name] !== value) process.env[name] = value;
}

// Registered before the file's own hooks: runs after them, once the file has cleaned up.
afterAll(async () => {
  // Hubs whose file could not stop them (a failed or timed-out afterAll): closed here,
  // not left working in the next file's database.
  for (const close of [...runningHubs()]) await close().catch(() => undefined);
  vi.useRealTimers();
  restoreEnv();
  // A file that connected without disconnecting: the next one starts from no connection.
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect().catch(() => undefined);
});
