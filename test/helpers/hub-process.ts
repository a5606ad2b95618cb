/**
 * A real hub process (the run's compiled hub, or `hub/main.ts` under tsx: hub-command.ts) for tests and benchmarks that need several
 * hubs, a kill -9, or a start-up: spawned on loopback with a free port (PORT 0), resolved
 * once it says it is listening, rejected if it exits first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hubEntryArgs } from './hub-command.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

export interface HubProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What the process printed so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM: the hub closes cleanly. */
  stop(): void;
  /** SIGKILL: the hub dies mid-work. */
  kill(): void;
}

/** Starts a hub with these variables over quiet defaults (no scheduler, warnings only). */
export function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, hubEntryArgs('hub/main'), {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SCHEDULER_ENABLED: 'false',
        ...env,
      },
    });
    let out = '';
    let err = '';
    // HUB_PROCESS_ECHO=1 shows what the child hub prints, to follow a stuck test.
    const echo = process.env.HUB_PROCESS_ECHO === '1';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (echo) process.stderr.write(`[hub ${child.pid}] ${d.toString()}`);
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (echo) process.stderr.write(`[hub ${child.pid}] ${d.toString()}`);
      const port = LISTENING.exec(err)?.[1];
      if (!port) return;
      resolve({
        child,
        port: Number(port),
        url: `http://127.0.0.1:${port}`,
        stdout: () => out,
        stderr: () => err,
        stop: () => child.kill('SIGTERM'),
        kill: () => child.kill('SIGKILL'),
      });
    });
    child.on('exit', (code) => reject(new Error(`hub exited (${code}): ${err}`)));
  });
}
