/** The backup's `manifest.json`: what it holds, made by which hub, at which schema version. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';

export interface FileDigest {
  file: string;
  bytes: number;
  sha256: string;
}

export interface CollectionEntry {
  name: string;
  /** Documents written (driver engine) or counted when the dump started (mongodump engine). */
  documents: number;
  /** Index definitions except `_id_` (relaxed Extended JSON). */
  indexes: Record<string, unknown>[];
  /** Collection options when any (capped, validator…). */
  options?: Record<string, unknown>;
  /** The collection's EJSON lines, gzipped (driver engine). */
  data?: FileDigest;
}

export interface BackupManifest {
  format: 'passerelle-backup';
  formatVersion: 1;
  engine: 'driver' | 'mongodump';
  createdAt: string;
  hubVersion: string;
  /** The database's schema version (hub/migrations) when it was backed up. */
  schemaVersion: number;
  migrations: string[];
  database: string;
  collections: CollectionEntry[];
  /** mongodump's gzipped archive (mongodump engine). */
  archive?: FileDigest;
  excluded: { name: string; reason: string }[];
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads and checks a backup's manifest; one clear line when it is not one. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new Error(`restore: ${dir} holds no ${MANIFEST_FILE}: not a Passerelle backup`);
  }
  const manifest = JSON.parse(text) as Partial<BackupManifest>;
  if (manifest.format !== 'passerelle-backup' || manifest.formatVersion !== 1)
    throw new Error(`restore: ${join(dir, MANIFEST_FILE)} is not a Passerelle backup of format 1`);
  return manifest as BackupManifest;
}
