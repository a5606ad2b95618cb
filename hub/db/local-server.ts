/**
 * The local MongoDB-compatible server used when MONGODB_URI is unset: `mongod` if it is on
 * PATH, else FerretDB 1.24 on SQLite. It listens on loopback only and dies with us.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { resolveFerretDb } from './ferretdb-binary.js';

export interface LocalDatabase {
  uri: string;
  engine: 'mongod' | 'ferretdb';
  /** The server's process id (tests kill it to take the database away). */
  pid: number;
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Loopback port to listen on. Default: a free one. */
  port?: number;
}

/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(child: ChildProcess, port: number, name: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `database: ${name} exited with code ${child.exitCode}: ${output().trim().split('\n').pop() ?? ''}`,
      );
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`database: ${name} did not listen on 127.0.0.1:${port} within 30 s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
  process.once('exit', kill);
  return () =>
    new Promise((resolve) => {
      process.removeListener('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(timer), resolve()));
      child.kill('SIGTERM');
    });
}

function spawnServer(bin: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Starts a local server with its files under dataDir; progress lines go to `progress`. */
export async function startLocalDatabase(
  dataDir: string,
  progress: (line: string) => void,
  options: LocalDatabaseOptions = {},
): Promise<LocalDatabase> {
  const port = options.port ?? (await findFreePort());
  const mongod = spawnSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' }).stdout.trim();
  if (mongod) {
    const dir = join(dataDir, 'mongod');
    await mkdir(dir, { recursive: true });
    const { child, output } = spawnServer(mongod, [
      '--dbpath',
      dir,
      '--port',
      String(port),
      '--bind_ip',
      '127.0.0.1',
      '--quiet',
    ]);
    await waitForPort(child, port, 'mongod', output);
    return {
      uri: `mongodb://127.0.0.1:${port}/passerelle`,
      engine: 'mongod',
      pid: child.pid ?? 0,
      stop: stopper(child),
    };
  }
  const bin = await resolveFerretDb(progress);
  const dir = join(dataDir, 'ferretdb');
  await mkdir(dir, { recursive: true });
  const { child, output } = spawnServer(bin, [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ]);
  await waitForPort(child, port, 'FerretDB', output);
  return {
    uri: `mongodb://127.0.0.1:${port}/passerelle`,
    engine: 'ferretdb',
    pid: child.pid ?? 0,
    stop: stopper(child),
  };
}
