/**
 * The database killed under a running hub, then started again: reads and writes answer a
 * quick 503 database_unavailable with Retry-After, /readyz says why, search keeps
 * answering from memory, and service comes back without restarting the hub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, startLocalDatabase, type LocalDatabase } from '../../../hub/db/index.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let dir: string;
let database: LocalDatabase;
let hub: TestHub;
let port: number;

const startDatabase = async () =>
  startLocalDatabase(dir, () => undefined, port ? { port } : {}).then((db) => {
    port = Number(new URL(db.uri).port);
    return db;
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passerelle-db-down-'));
  database = await startDatabase();
  const uri = database.uri.replace(/\/[^/]*$/, '/down');
  await connectDatabase(uri);
  hub = await startTestHub({ databaseUri: uri, seed: true });
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function timedRequest(path: string, init: Parameters<TestHub['request']>[1] = {}) {
  const start = performance.now();
  const res = await hub.request(path, init);
  return { res, ms: performance.now() - start, body: (await res.json()) as Record<string, unknown> };
}

describe('the database going away and coming back', () => {
  it('answers 503 quickly while it is down, then serves again without a restart', async () => {
    // Warm: the first write compiles its schema, which is not what is measured here.
    const created = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'noumea', kind: 'feed', url: 'http://127.0.0.1:9/first.rss' },
    });
    expect(created.status).toBe(201);
    const runs = `/api/v1/admin/sources/${((await created.json()) as { id: string }).id}/runs`;
    expect((await hub.request(runs, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    expect((await hub.request('/api/v1/items?q=service')).status).toBe(200);

    process.kill(database.pid, 'SIGKILL');
    await expect.poll(() => hub.request('/readyz').then((r) => r.status), { timeout: 10_000 }).toBe(503);

    // A source's runs are read from the database on each request (the sources list may be
    // answered for a second from the copy this process holds, as search is from its index).
    const read = await timedRequest(runs, { token: TEST_ADMIN_TOKEN });
    expect(read.res.status).toBe(503);
    expect(read.ms).toBeLessThan(2_000);
    expect(read.res.headers.get('retry-after')).toBe('5');
    expect(read.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(read.body).toMatchObject({ code: 'database_unavailable', status: 503, retryAfter: 5 });
    expect(String(read.body.detail)).toContain('base de données');

    const write = await timedRequest('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'noumea', kind: 'feed', url: 'http://127.0.0.1:9/second.rss' },
    });
    expect(write.res.status).toBe(503);
    expect(write.ms).toBeLessThan(2_000);
    expect(write.body.code).toBe('database_unavailable');

    const ready = await timedRequest('/readyz');
    expect(ready.res.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'not_ready',
      reason: 'database_unavailable',
      checks: { database: false },
    });
    expect(ready.ms).toBeLessThan(2_000);
    // Search answers from its index in memory.
    expect((await hub.request('/api/v1/items?q=service')).status).toBe(200);
    expect((await hub.request('/healthz')).status).toBe(200);

    database = await startDatabase();
    await expect
      .poll(() => hub.request(runs, { token: TEST_ADMIN_TOKEN }).then((r) => r.status), {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(200);
    const back = await timedRequest('/readyz');
    expect(back.res.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'ready' });
    expect(back.body.reason).toBeUndefined();
  }, 90_000);
});
