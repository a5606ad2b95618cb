/** Gives each test file a database of its own on the shared test server. */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../hub/db/index.js';
import { getServerSecret } from '../../hub/secrets/index.js';

/**
 * The server secrets the hub keeps in its database (getServerSecret's names). The process
 * caches each one from the first database it used; the files of a worker share the process
 * (vitest.config.ts, `isolate: false`), so a later file's database is given the same values:
 * its hub processes, backups and reads of `interaction_secrets` then agree with this process,
 * as they do when a process has only ever used one database.
 */
const SERVER_SECRETS = ['image-url', 'form-token', 'follow-up', 'credentials-key', 'signin-address'];

async function storeServerSecrets(): Promise<void> {
  const secrets = mongoose.connection.db!.collection<{ _id: string; value: string; createdAt: Date }>(
    'interaction_secrets',
  );
  for (const name of SERVER_SECRETS) {
    const value = await getServerSecret(name);
    await secrets.updateOne({ _id: name }, { $setOnInsert: { value, createdAt: new Date() } }, { upsert: true });
  }
}

/** A URI naming a fresh database on the test server. */
export function freshDatabaseUri(label = 'test'): string {
  const base = new URL(inject('mongodbUri'));
  base.pathname = `/t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  return base.href;
}

/** Connects mongoose to a fresh database; returns its URI. */
export async function connectTestDatabase(label?: string): Promise<string> {
  const uri = freshDatabaseUri(label);
  await connectDatabase(uri);
  await storeServerSecrets();
  return uri;
}

/** Connects mongoose to an existing test database (after a simulated restart). */
export async function reconnectTestDatabase(uri: string): Promise<void> {
  await connectDatabase(uri);
}

/** Drops the file's database and disconnects. */
export async function dropTestDatabase(): Promise<void> {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
}
