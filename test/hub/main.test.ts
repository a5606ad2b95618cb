/** The real process entry (compiled as production runs it, or `npm start`'s tsx: helpers/hub-command.ts): start-up failures and a clean start. */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUri } from '../helpers/database.js';
import { hubEntryArgs } from '../helpers/hub-command.js';

const root = new URL('../../', import.meta.url).pathname;

interface Outcome {
  code: number | null;
  stderr: string;
  stdout: string;
}

const LISTENING_LOCAL = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

function startMain(
  env: Record<string, string>,
  untilReady?: (port: number) => Promise<void>,
  listening = LISTENING_LOCAL,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, hubEntryArgs('hub/main'), {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', HOST: '127.0.0.1', ...env },
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const port = listening.exec(stderr)?.[1];
      if (port && untilReady) {
        const check = untilReady;
        untilReady = undefined;
        void check(Number(port)).finally(() => child.kill('SIGTERM'));
      }
    });
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

let blocker: Server | undefined;
afterAll(() => blocker?.close());

/** Takes a free loopback port and keeps it. */
async function takePort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', r));
  return (blocker.address() as { port: number }).port;
}

/** The collections of a database, read with a connection of our own. */
async function collectionsOf(uri: string): Promise<string[]> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    return (await connection.db!.listCollections().toArray()).map((c) => c.name);
  } finally {
    await connection.close();
  }
}

describe('hub/main.ts', () => {
  it('stops with one clear line when a variable is invalid', async () => {
    const out = await startMain({ PORT: 'eighty' });
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe('passerelle: config: PORT must be an integer from 0 to 65535 (got "eighty")');
  });

  it('stops with one clear line when the database is unreachable', async () => {
    const out = await startMain({ MONGODB_URI: 'mongodb://user:secret@127.0.0.1:1/passerelle', PORT: '0' });
    expect(out.code).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^passerelle: database: cannot reach mongodb:\/\/user:\*\*\*@127\.0\.0\.1:1\/passerelle/);
    expect(out.stderr).not.toContain('secret');
  }, 60_000);

  it('stops with one clear line when the port is taken', async () => {
    const port = await takePort();
    const out = await startMain({
      MONGODB_URI: freshDatabaseUri('main'),
      PORT: String(port),
      ADMIN_TOKEN: 'a'.repeat(32),
    });
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n').pop()).toBe(
      `passerelle: http: port ${port} is already in use on 127.0.0.1 (set PORT to another port)`,
    );
  }, 60_000);

  it('fails on a taken port before a first start writes or prints anything (no partners, no token)', async () => {
    blocker?.close();
    const port = await takePort();
    const uri = freshDatabaseUri('mainport');
    const out = await startMain({ MONGODB_URI: uri, PORT: String(port) });
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe(
      `passerelle: http: port ${port} is already in use on 127.0.0.1 (set PORT to another port)`,
    );
    expect(out.stderr).not.toContain('pst_');
    expect(await collectionsOf(uri)).toEqual([]);
  }, 60_000);

  it('says truthfully that it listens on every interface when HOST is 0.0.0.0', async () => {
    let ready = 0;
    const out = await startMain(
      { MONGODB_URI: freshDatabaseUri('main'), PORT: '0', HOST: '0.0.0.0', ADMIN_TOKEN: 'b'.repeat(32) },
      async (port) => {
        ready = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
      },
      /listening on port (\d+) on every network interface \(0\.0\.0\.0\)/,
    );
    expect(out.code).toBe(0);
    expect(ready).toBe(200);
    expect(out.stderr).not.toContain('http://127.0.0.1');
  }, 90_000);

  it('starts, seeds the 45 partners on an empty database, prints a first admin token once, and stops on SIGTERM', async () => {
    const uri = freshDatabaseUri('main');
    let partners = 0;
    let ready = 0;
    const first = await startMain({ MONGODB_URI: uri, PORT: '0' }, async (port) => {
      ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
      partners = ((await (await fetch(`http://127.0.0.1:${port}/api/v1/partners`)).json()) as { total: number }).total;
    });
    expect(first.code).toBe(0);
    expect(ready).toBe(200);
    expect(partners).toBe(45);
    const token = /^\s+(pst_\S+)$/m.exec(first.stderr)?.[1];
    expect(token).toBeDefined();

    let me = 0;
    const second = await startMain({ MONGODB_URI: uri, PORT: '0' }, async (port) => {
      me = (await fetch(`http://127.0.0.1:${port}/api/v1/admin/me`, { headers: { Authorization: `Bearer ${token}` } }))
        .status;
    });
    expect(second.code).toBe(0);
    expect(me).toBe(200);
    expect(second.stderr).not.toContain('pst_');
  }, 90_000);
});
