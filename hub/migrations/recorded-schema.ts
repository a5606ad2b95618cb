/** The schema a database records, read through any driver connection (backups use their own). */
import type { mongo } from 'mongoose';
import { AppliedMigrationModel } from './record-model.js';

export interface RecordedSchema {
  /** Newest applied migration's version (0 for none). */
  version: number;
  /** Applied migration ids, in version order. */
  migrations: string[];
}

/** Reads the record of applied migrations of `db`. */
export async function readRecordedSchema(db: mongo.Db): Promise<RecordedSchema> {
  const docs = await db
    .collection<{ _id: string; version: number }>(AppliedMigrationModel.collection.collectionName)
    .find({}, { projection: { _id: 1, version: 1 } })
    .toArray();
  docs.sort((a, b) => a.version - b.version);
  return { version: docs.at(-1)?.version ?? 0, migrations: docs.map((d) => d._id) };
}
