/** Runs the backup, restore and migrate commands as real processes, as an operator does. */
import { spawn } from 'node:child_process';
import { hubEntryArgs } from './hub-command.js';

const root = new URL('../../', import.meta.url).pathname;

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `hub/cli/<name>` (compiled for the run, or under tsx: hub-command.ts) …args, with MONGODB_URI set to `uri`. */
export function runCli(name: string, uri: string, args: string[] = []): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...hubEntryArgs(`hub/cli/${name}`), ...args], {
      cwd: root,
      env: { ...process.env, MONGODB_URI: uri, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
