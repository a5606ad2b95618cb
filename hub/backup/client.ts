/**
 * Backups talk to the database through a driver client of their own, not through the
 * hub's mongoose connection: they copy collections as they are, whatever the models
 * declare, and a restore must not create the models' indexes before the backup's.
 */
import mongoose, { type mongo } from 'mongoose';
import { redactUri } from '../db/index.js';

/** Connects within `timeoutMs` or throws one clear line. */
export async function openClient(uri: string, timeoutMs = 5_000): Promise<mongo.MongoClient> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
    return client;
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new Error(`database: cannot reach ${redactUri(uri)} (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The plain collections of a database with their options (views and system collections left out). */
export async function listCollections(db: mongo.Db): Promise<{ name: string; options: Record<string, unknown> }[]> {
  const listed = await db.listCollections({}, { nameOnly: false }).toArray();
  return listed
    .filter((c) => (c.type ?? 'collection') === 'collection' && !c.name.startsWith('system.'))
    .map((c) => ({ name: c.name, options: ('options' in c ? c.options : undefined) ?? {} }));
}
