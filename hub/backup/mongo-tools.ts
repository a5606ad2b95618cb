/**
 * MongoDB's own mongodump / mongorestore, used when they are on PATH: a dump taken by the
 * server's tools (one gzipped archive) is what MongoDB operators expect. The connection
 * string goes in a private config file, never on the command line (where `ps` shows it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactUri } from '../db/index.js';

/** The path of a command on PATH, or undefined. */
export function findTool(name: 'mongodump' | 'mongorestore'): string | undefined {
  const out = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() || undefined : undefined;
}

/**
 * The URI without its database (the tools take namespaces instead), and that database.
 * The database of a URI is also where its user authenticates unless authSource says
 * otherwise, so that default is kept explicitly.
 */
export function splitDatabase(uri: string): { serverUri: string; database: string } {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`backup: cannot read the connection string ${redactUri(uri)}`);
  const [, server, path = '', query = ''] = match;
  const database = decodeURIComponent(path) || 'test';
  const params = new URLSearchParams(query.slice(1));
  if (server!.includes('@') && path && !params.has('authSource')) params.set('authSource', database);
  const rest = params.toString();
  return { serverUri: `${server}/${rest ? `?${rest}` : ''}`, database };
}

export function mongodumpArgs(o: { config: string; database: string; archive: string; exclude: string[] }): string[] {
  return [
    `--config=${o.config}`,
    `--db=${o.database}`,
    `--archive=${o.archive}`,
    '--gzip',
    ...o.exclude.map((c) => `--excludeCollection=${c}`),
  ];
}

export function mongorestoreArgs(o: { config: string; from: string; to: string; archive: string }): string[] {
  return [
    `--config=${o.config}`,
    `--archive=${o.archive}`,
    '--gzip',
    `--nsInclude=${o.from}.*`,
    `--nsFrom=${o.from}.*`,
    `--nsTo=${o.to}.*`,
  ];
}

/** Runs a tool with the connection string in a 0600 config file; rejects with its last line. */
export async function runTool(bin: string, uri: string, args: (config: string) => string[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-tools-'));
  const config = join(dir, 'config.yaml');
  try {
    await writeFile(config, `uri: ${JSON.stringify(uri)}\n`, { mode: 0o600 });
    await new Promise<void>((resolve, reject) => {
      const child = spawn(bin, args(config), { stdio: ['ignore', 'ignore', 'pipe'] });
      let last = '';
      child.stderr.on('data', (d: Buffer) => {
        const lines = d.toString().trim().split('\n').filter(Boolean);
        if (lines.length) last = lines.at(-1)!;
      });
      child.on('error', (err) => reject(new Error(`backup: cannot run ${bin}: ${err.message}`)));
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`backup: ${bin} failed (${code}): ${redactUri(last)}`)),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
