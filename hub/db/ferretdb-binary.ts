/**
 * Finds, or builds once, the FerretDB 1.24 binary used as the local database.
 *
 * `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` compiles, but the binary
 * panics at start: the module ships without build/version/version.txt, which the release
 * process generates. So we build the same module source with that file written in, into
 * a cache folder outside node_modules (it survives `npm ci`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;

/** Where the built binary is kept: $PASSERELLE_CACHE or ~/.cache/passerelle. */
export function ferretDbCachePath(): string {
  const base =
    process.env.PASSERELLE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'passerelle');
  return join(base, `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
}

function worksAsFerretDb(bin: string): boolean {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return out.status === 0 && out.stdout.includes('v1.24');
}

function onPath(name: string): string | undefined {
  const out = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() || undefined : undefined;
}

/** Returns a working FerretDB 1.24 binary: $FERRETDB_BIN, one on PATH, the cache, or a new build. */
export async function resolveFerretDb(progress: (line: string) => void): Promise<string> {
  const candidates = [process.env.FERRETDB_BIN, onPath('ferretdb'), ferretDbCachePath()].filter(
    (c): c is string => !!c,
  );
  for (const bin of candidates) if (existsSync(bin) && worksAsFerretDb(bin)) return bin;
  await buildFerretDb(ferretDbCachePath(), progress);
  return ferretDbCachePath();
}

function run(cmd: string, args: string[], cwd: string, onLine: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' } });
    let stdout = '';
    let lastErr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        lastErr = line;
        onLine(line);
      }
    });
    child.on('error', (err) => reject(new Error(`database: cannot run ${cmd}: ${err.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`database: ${cmd} ${args[0]} failed: ${lastErr}`)),
    );
  });
}

/** Downloads the module through the Go proxy and compiles it (takes minutes the first time). */
export async function buildFerretDb(target: string, progress: (line: string) => void): Promise<void> {
  if (!onPath('go')) {
    throw new Error(
      'database: MONGODB_URI is unset and neither mongod, ferretdb nor Go is installed; install Go (to build FerretDB) or set MONGODB_URI',
    );
  }
  progress(`database: building FerretDB ${FERRETDB_VERSION} with Go (first start only, a few minutes)…`);
  const work = await mkdtemp(join(tmpdir(), 'passerelle-ferretdb-'));
  try {
    const info = JSON.parse(await run('go', ['mod', 'download', '-json', MODULE], work, progress)) as { Dir: string };
    const src = join(work, 'src');
    await cp(info.Dir, src, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', src]);
    await writeFile(join(src, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
    let compiled = 0;
    await mkdir(join(target, '..'), { recursive: true });
    await run('go', ['build', '-v', '-trimpath', '-o', `${target}.partial`, './cmd/ferretdb'], src, () => {
      compiled += 1;
      if (compiled % 25 === 0) progress(`database: building FerretDB… ${compiled} packages compiled`);
    });
    await rename(`${target}.partial`, target);
    progress(`database: FerretDB ready at ${target}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
