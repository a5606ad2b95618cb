/**
 * Starts a real hub (real Koa app, real HTTP on a random port) on a fresh test database,
 * and gives small fetch helpers for the tests.
 */
import { loadConfig, type Config } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub.js';
import { createLogger } from '../../hub/log.js';
import { seedPartners } from '../../hub/partners/index.js';
import { flushSearchMisses } from '../../hub/voice/index.js';
import { connectTestDatabase, dropTestDatabase } from './database.js';
import { runningHubs } from './hub-registry.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestHub extends RunningHub {
  config: Config;
  databaseUri: string;
  /** fetch relative to the hub, JSON in and out. */
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  env?: Record<string, string>;
  seed?: boolean;
  label?: string;
  /** Scheduler lease duration (default 15 min). */
  leaseMs?: number;
  /** How long an admin's "run now" waits for a run in progress (default 20 s). */
  reportWaitMs?: number;
  /** Where the hub's log lines go (default: nowhere, LOG_LEVEL silent). */
  logTo?: { write(line: string): void };
  /** Reuse this database instead of a fresh one (a "restart"). */
  databaseUri?: string;
}

/** Starts the hub; pass `seed: true` to load the 45 partners. */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const databaseUri = options.databaseUri ?? (await connectTestDatabase(options.label));
  if (options.seed) await seedPartners();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://portal.test',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    // Most test hubs never read a source: no thread started for nothing (1.3–1.6 s of CPU each).
    READER_WARM: 'false',
    MONGODB_URI: databaseUri,
    ...options.env,
  });
  const hub = await startHub(config, createLogger(config.logLevel, options.logTo), {
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.reportWaitMs !== undefined ? { reportWaitMs: options.reportWaitMs } : {}),
  });
  const request = (path: string, init: RequestInit & { json?: unknown; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return fetch(hub.url + path, { ...init, headers, body });
  };
  const running = runningHubs();
  const close = async () => {
    running.delete(close);
    await hub.close();
  };
  running.add(close);
  const stop = async () => {
    await close();
    // The searches without results still in memory go to this hub's database, as its 10 s
    // write would have: left pending, they would be written into the next file's (the
    // files of a worker share the process, vitest.config.ts).
    await flushSearchMisses().catch(() => undefined);
    await dropTestDatabase();
  };
  return { ...hub, close, config, databaseUri, request, stop };
}
