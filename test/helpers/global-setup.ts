/**
 * Starts one local database server for the whole run (in a temporary folder) unless
 * MONGODB_URI is set; each test file then uses a database of its own on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalDatabase, type LocalDatabase } from '../../hub/db/local-server.js';

let local: LocalDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dir = await mkdtemp(join(tmpdir(), 'passerelle-test-db-'));
    local = await startLocalDatabase(dir, (line) => console.error(line));
    uri = local.uri;
  }
  project.provide('mongodbUri', uri);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}
