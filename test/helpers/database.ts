/** Gives each test file a database of its own on the shared test server. */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../hub/db/index.js';

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
