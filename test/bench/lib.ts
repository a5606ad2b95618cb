/** Small measuring tools shared by the benchmarks (never part of npm test). */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../../hub/db/index.js';
import { MIGRATIONS } from '../../hub/migrations/index.js';
import { AppliedMigrationModel } from '../../hub/migrations/record-model.js';

/** Milliseconds taken by fn, and its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** p-th percentile (0–100) of sorted-or-not samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** Resident and peak resident memory of a process, in MiB, from /proc. */
export function memoryOf(pid: number | 'self' = 'self'): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** Runs `clients` loops of requests for `durationMs`; returns per-request latencies in ms. */
export async function load(url: string, clients: number, durationMs: number, init?: RequestInit): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        const res = await fetch(url, init);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`bench: ${url} answered ${res.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies;
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** A fresh local database for a benchmark; MONGODB_URI is used when set. */
export async function benchDatabase(name: string): Promise<{ uri: string; close(): Promise<void> }> {
  if (process.env.MONGODB_URI) {
    const uri = process.env.MONGODB_URI.replace(/\/[^/]*$/, `/${name}`);
    await connectDatabase(uri);
    return { uri, close: disconnectDatabase };
  }
  const dir = await mkdtemp(join(tmpdir(), `passerelle-bench-${name}-`));
  const local = await startLocalDatabase(dir, (line) => console.error(line));
  const uri = local.uri.replace(/\/[^/]*$/, `/${name}`);
  await connectDatabase(uri);
  return {
    uri,
    close: async () => {
      await disconnectDatabase();
      await local.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every migration as applied: a corpus inserted by a benchmark is already in the
 * current shape, and on FerretDB the item migrations (readability, story keys) would keep
 * the hubs from starting for many minutes at 10,000 items and more.
 */
export async function markMigrationsApplied(): Promise<void> {
  const now = new Date();
  for (const m of MIGRATIONS)
    await AppliedMigrationModel.create({
      _id: m.id,
      version: m.version,
      description: m.description,
      readableFrom: m.readableFrom ?? 1,
      startedAt: now,
      appliedAt: now,
      durationMs: 0,
      owner: 'bench',
      hubVersion: 'bench',
    }).catch(() => undefined);
}
