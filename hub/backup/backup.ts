/**
 * `npm run backup`: every collection but the derived and ephemeral ones (scope.ts), with
 * its indexes, into a new folder `passerelle-<database>-<UTC time>` holding a manifest
 * (hub version, schema version, counts, sha256 of each file). Written under a `.partial`
 * name and renamed at the end: a folder without that suffix is a complete backup.
 * Collections are read one after the other, not from one snapshot (README: Backups).
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import mongoose, { type mongo } from 'mongoose';
import { readRecordedSchema } from '../migrations/index.js';
import { HUB_VERSION } from '../version.js';
import { openClient, listCollections } from './client.js';
import { digestFile, exportCollection, readIndexes } from './ejson-files.js';
import { writeManifest, type BackupManifest, type CollectionEntry, type FileDigest } from './manifest.js';
import { findTool, mongodumpArgs, runTool, splitDatabase } from './mongo-tools.js';
import { NOT_BACKED_UP, selectCollections } from './scope.js';

export type BackupEngine = 'driver' | 'mongodump';

export interface BackupOptions {
  uri: string;
  /** Where the backup folder is created. Default `./backups`. */
  outDir?: string;
  /** Default `auto`: mongodump when it is on PATH, else the driver. */
  engine?: BackupEngine | 'auto';
  now?: Date;
  progress?: (line: string) => void;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
}

const { EJSON } = mongoose.mongo.BSON;

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Which engine `auto` means on this machine. */
export function chooseEngine(engine: BackupOptions['engine']): BackupEngine {
  if (engine && engine !== 'auto') return engine;
  return findTool('mongodump') ? 'mongodump' : 'driver';
}

async function describe(
  db: mongo.Db,
  c: { name: string; options: Record<string, unknown> },
): Promise<Omit<CollectionEntry, 'documents'>> {
  const options = Object.keys(c.options).length ? EJSON.serialize(c.options, { relaxed: true }) : undefined;
  return { name: c.name, indexes: await readIndexes(db.collection(c.name)), ...(options ? { options } : {}) };
}

async function exportWithDriver(
  db: mongo.Db,
  collections: { name: string; options: Record<string, unknown> }[],
  dir: string,
  progress: (line: string) => void,
): Promise<CollectionEntry[]> {
  const entries: CollectionEntry[] = [];
  for (const c of collections) {
    const file = `${c.name}.ejson.gz`;
    const { documents, data } = await exportCollection(db.collection(c.name), join(dir, file), file);
    entries.push({ ...(await describe(db, c)), documents, data });
    progress(`backup: ${c.name}: ${documents} document(s)`);
  }
  return entries;
}

async function dumpWithTools(
  uri: string,
  db: mongo.Db,
  collections: { name: string; options: Record<string, unknown> }[],
  dir: string,
): Promise<{ entries: CollectionEntry[]; archive: FileDigest }> {
  const entries: CollectionEntry[] = [];
  for (const c of collections)
    entries.push({ ...(await describe(db, c)), documents: await db.collection(c.name).countDocuments() });
  const { serverUri, database } = splitDatabase(uri);
  const file = 'mongodump.archive.gz';
  const exclude = (await listCollections(db)).map((c) => c.name).filter((n) => !collections.some((c) => c.name === n));
  await runTool(findTool('mongodump')!, serverUri, (config) =>
    mongodumpArgs({ config, database, archive: join(dir, file), exclude }),
  );
  const path = join(dir, file);
  return { entries, archive: { file, bytes: (await stat(path)).size, sha256: await digestFile(path) } };
}

/** Backs the database up; see the module comment. */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const engine = chooseEngine(options.engine);
  if (engine === 'mongodump' && !findTool('mongodump'))
    throw new Error('backup: mongodump is not on PATH (use --engine=driver)');
  const progress = options.progress ?? (() => undefined);
  const client = await openClient(options.uri);
  try {
    const db = client.db();
    const collections = (await listCollections(db)).filter((c) => selectCollections([c.name]).length);
    const schema = await readRecordedSchema(db);
    const createdAt = options.now ?? new Date();
    const dir = join(options.outDir ?? 'backups', `passerelle-${db.databaseName}-${stamp(createdAt)}`);
    const partial = `${dir}.partial`;
    await mkdir(partial, { recursive: true });
    try {
      const dumped =
        engine === 'driver'
          ? { entries: await exportWithDriver(db, collections, partial, progress) }
          : await dumpWithTools(options.uri, db, collections, partial);
      const manifest: BackupManifest = {
        format: 'passerelle-backup',
        formatVersion: 1,
        engine,
        createdAt: createdAt.toISOString(),
        hubVersion: HUB_VERSION,
        schemaVersion: schema.version,
        migrations: schema.migrations,
        database: db.databaseName,
        collections: dumped.entries,
        ...('archive' in dumped ? { archive: dumped.archive } : {}),
        excluded: Object.entries(NOT_BACKED_UP).map(([name, reason]) => ({ name, reason })),
      };
      await writeManifest(partial, manifest);
      await rename(partial, dir);
      return { dir, manifest };
    } catch (err) {
      await rm(partial, { recursive: true, force: true });
      throw err;
    }
  } finally {
    await client.close();
  }
}
