/**
 * `npm run restore`: checks every file of a backup against its manifest before touching
 * anything, refuses a database that already holds data unless told how to treat it
 * (`drop`: empty it first, the database becomes the backup; `force`: add the backup to
 * it, keeping documents whose _id is already there, as mongorestore does), then writes
 * the collections and their indexes and empties the derived ones (the search index), so
 * that the next hub start rebuilds them from the restored data.
 */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import mongoose, { type mongo } from 'mongoose';
import { codeSchemaVersion } from '../migrations/index.js';
import { listCollections, openClient } from './client.js';
import { createIndexes, digestFile, importCollection } from './ejson-files.js';
import { readManifest, type BackupManifest, type FileDigest } from './manifest.js';
import { findTool, mongorestoreArgs, runTool, splitDatabase } from './mongo-tools.js';
import { DERIVED_COLLECTIONS, selectCollections } from './scope.js';

export type RestoreMode = 'empty-only' | 'force' | 'drop';

export interface RestoreOptions {
  uri: string;
  /** The backup folder (the one holding manifest.json). */
  dir: string;
  /** Default `empty-only`: refuse a database that holds data. */
  mode?: RestoreMode;
  progress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  database: string;
  collections: { name: string; inserted: number; kept: number }[];
}

/** The database holds data and neither --drop nor --force was given. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const { EJSON } = mongoose.mongo.BSON;

async function checkFile(dir: string, digest: FileDigest): Promise<void> {
  const path = join(dir, digest.file);
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size !== digest.bytes || (await digestFile(path)) !== digest.sha256)
    throw new Error(
      `restore: ${digest.file} does not match its size and sha256 in the manifest (damaged or altered backup); nothing was written`,
    );
}

/** Documents held by the collections a backup would hold, and in how many of them. */
async function measureTarget(db: mongo.Db): Promise<{ documents: number; collections: number }> {
  let documents = 0;
  let collections = 0;
  for (const { name } of await listCollections(db)) {
    if (!selectCollections([name]).length) continue;
    const n = await db.collection(name).countDocuments();
    documents += n;
    if (n) collections += 1;
  }
  return { documents, collections };
}

function refusal(database: string, held: { documents: number; collections: number }): RestoreRefusedError {
  return new RestoreRefusedError(
    `restore: la base « ${database} » n'est pas vide (${held.documents} documents dans ${held.collections} collections) : --drop pour la remplacer, --force pour y ajouter la sauvegarde / database "${database}" is not empty: --drop replaces it, --force adds the backup to it`,
  );
}

async function createCollection(
  db: mongo.Db,
  name: string,
  options: Record<string, unknown> | undefined,
): Promise<void> {
  try {
    await db.createCollection(
      name,
      options ? (EJSON.deserialize(options, { relaxed: true }) as mongo.CreateCollectionOptions) : {},
    );
  } catch (err) {
    if ((err as { code?: number }).code !== 48) throw err; // NamespaceExists: --force into an existing collection
  }
}

async function restoreWithDriver(
  db: mongo.Db,
  o: RestoreOptions,
  manifest: BackupManifest,
): Promise<RestoreResult['collections']> {
  const progress = o.progress ?? (() => undefined);
  const done: RestoreResult['collections'] = [];
  for (const entry of manifest.collections) {
    await createCollection(db, entry.name, entry.options);
    const counts = await importCollection(db.collection(entry.name), join(o.dir, entry.data!.file), o.mode === 'force');
    if (counts.inserted + counts.kept !== entry.documents)
      throw new Error(
        `restore: ${entry.name}: ${counts.inserted + counts.kept} documents read, the manifest says ${entry.documents}`,
      );
    await createIndexes(db.collection(entry.name), entry.indexes);
    progress(
      `restore: ${entry.name}: ${counts.inserted} inserted${counts.kept ? `, ${counts.kept} already there and kept` : ''}`,
    );
    done.push({ name: entry.name, ...counts });
  }
  return done;
}

async function restoreWithTools(
  db: mongo.Db,
  o: RestoreOptions,
  manifest: BackupManifest,
): Promise<RestoreResult['collections']> {
  const bin = findTool('mongorestore');
  if (!bin)
    throw new Error(
      'restore: this backup was made by mongodump and mongorestore is not on PATH (install the MongoDB Database Tools)',
    );
  const { serverUri } = splitDatabase(o.uri);
  const archive = join(o.dir, manifest.archive!.file);
  await runTool(bin, serverUri, (config) =>
    mongorestoreArgs({ config, from: manifest.database, to: db.databaseName, archive }),
  );
  const done: RestoreResult['collections'] = [];
  for (const entry of manifest.collections)
    done.push({ name: entry.name, inserted: await db.collection(entry.name).countDocuments(), kept: 0 });
  return done;
}

/** Restores a backup; see the module comment. */
export async function restoreDatabase(o: RestoreOptions): Promise<RestoreResult> {
  const mode = o.mode ?? 'empty-only';
  const manifest = await readManifest(o.dir);
  const files = manifest.engine === 'driver' ? manifest.collections.map((c) => c.data!) : [manifest.archive!];
  for (const digest of files) await checkFile(o.dir, digest);
  if (manifest.schemaVersion > codeSchemaVersion())
    o.progress?.(
      `restore: this backup is at schema ${manifest.schemaVersion}, newer than this hub's ${codeSchemaVersion()}: start a hub of version ${manifest.hubVersion} or later on it`,
    );
  const client = await openClient(o.uri);
  try {
    const db = client.db();
    const held = await measureTarget(db);
    if (held.documents && mode === 'empty-only') throw refusal(db.databaseName, held);
    if (mode === 'drop') for (const { name } of await listCollections(db)) await db.collection(name).drop();
    const collections =
      manifest.engine === 'driver'
        ? await restoreWithDriver(db, { ...o, mode }, manifest)
        : await restoreWithTools(db, { ...o, mode }, manifest);
    for (const name of DERIVED_COLLECTIONS) await db.collection(name).deleteMany({});
    return { manifest, database: db.databaseName, collections };
  } finally {
    await client.close();
  }
}
