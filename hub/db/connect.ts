/** Connects mongoose and makes sure every model's indexes exist. */
import mongoose from 'mongoose';

/**
 * How long an operation waits for a reachable server. Short, so that a request answers
 * 503 database_unavailable within about a second when the database is down instead of
 * waiting (the driver reconnects by itself when the server is back).
 */
export const SERVER_SELECTION_TIMEOUT_MS = 1_000;
/** How often the driver checks the server: also how soon it notices the database is back. */
const HEARTBEAT_MS = 2_000;

/** Hides the password of a connection string in messages. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/**
 * Connects within `timeoutMs` (trying again while the server is not there yet) or throws
 * one clear line; then builds the indexes.
 */
export async function connectDatabase(uri: string, timeoutMs = 5_000): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await openConnection(uri);
      break;
    } catch (err) {
      await mongoose.disconnect().catch(() => undefined);
      if (Date.now() + SERVER_SELECTION_TIMEOUT_MS > deadline) {
        const reason = (err as Error).message.split('\n')[0];
        throw new Error(`database: cannot reach ${redactUri(uri)} (${reason})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await ensureIndexes();
  return mongoose;
}

async function openConnection(uri: string): Promise<void> {
  // 10 connections: one hub process on 2 cores does not use more, and FerretDB answered
  // 800 operations in 3.7 s with 10 against 7.6 s with the default 100. No buffering:
  // while the server is away an operation fails (503) instead of waiting in mongoose's queue.
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    heartbeatFrequencyMS: HEARTBEAT_MS,
    bufferCommands: false,
    autoIndex: false,
    maxPoolSize: 10,
  });
  await mongoose.connection.db?.command({ ping: 1 });
}

/** Creates the indexes declared on every registered model (idempotent). */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}

/** True when the database answers a ping within a second. */
export async function pingDatabase(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
