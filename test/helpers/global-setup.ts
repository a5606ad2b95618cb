/**
 * Starts one local database server for the whole run (in a temporary folder) unless
 * MONGODB_URI is set; each test file then uses a database of its own on it. Compiles the hub
 * once for the hub processes the tests start (hub-command.ts) unless TEST_HUB_FROM_SOURCES=1.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startLocalDatabase, type LocalDatabase } from '../../hub/db/local-server.js';
import { HUB_BUILD_VARIABLE } from './hub-command.js';

const ROOT = new URL('../../', import.meta.url).pathname;

let local: LocalDatabase | undefined;
let dir: string | undefined;
/** The compiled hub this setup wrote (removed at teardown), when it wrote one. */
let hubBuild: string | undefined;

/**
 * Under the repository's node_modules so that the compiled files find its packages; a folder
 * per run, so that two runs in one checkout do not share one.
 */
async function compileHub(): Promise<void> {
  if (process.env.TEST_HUB_FROM_SOURCES === '1' || process.env[HUB_BUILD_VARIABLE]) return;
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  hubBuild = await mkdtemp(join(cache, 'passerelle-test-hub-'));
  // In a process of its own: the build imports hub modules (mongoose models) that this
  // process, which runs this setup once per vitest project, must not compile twice.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-test-hub.ts', hubBuild],
    { cwd: ROOT },
  );
  console.error(`global-setup: ${stdout.trim()}`);
  // Set before vitest starts its workers: they (and the hubs they spawn) inherit it.
  process.env[HUB_BUILD_VARIABLE] = hubBuild;
}

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.MONGODB_URI;
  const compiling = compileHub();
  if (!uri) {
    dir = await mkdtemp(join(tmpdir(), 'passerelle-test-db-'));
    local = await startLocalDatabase(dir, (line) => console.error(line));
    uri = local.uri;
  }
  await compiling;
  project.provide('mongodbUri', uri);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (hubBuild) {
    await rm(hubBuild, { recursive: true, force: true });
    if (process.env[HUB_BUILD_VARIABLE] === hubBuild) delete process.env[HUB_BUILD_VARIABLE];
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}
