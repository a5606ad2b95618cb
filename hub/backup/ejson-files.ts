/**
 * The portable format: one gzipped file per collection, one document per line in
 * canonical Extended JSON (relaxed: false), so that every BSON type survives — a double
 * stays a double, an int32 an int32, dates, binaries and ids keep their types — on any
 * MongoDB-compatible server, without MongoDB's tools.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import mongoose, { type mongo } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';
import type { FileDigest } from './manifest.js';

const { EJSON } = mongoose.mongo.BSON;
const BATCH = 500;

/** Reads values as their BSON types (Int32, Double, Long…) rather than JS numbers. */
const AS_STORED = { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true } as const;

function hashing(hash: ReturnType<typeof createHash>, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

/** Writes the collection to `path` (sorted by _id); returns the count and the file's digest. */
export async function exportCollection(
  collection: mongo.Collection,
  path: string,
  file: string,
): Promise<{ documents: number; data: FileDigest }> {
  let documents = 0;
  async function* lines() {
    for await (const doc of collection.find({}, { sort: { _id: 1 }, ...AS_STORED })) {
      documents += 1;
      yield `${EJSON.stringify(doc, { relaxed: false })}\n`;
    }
  }
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  await pipeline(lines(), createGzip(), hashing(hash, counter), createWriteStream(path));
  return { documents, data: { file, bytes: counter.bytes, sha256: hash.digest('hex') } };
}

/** sha256 of a file, hex. */
export async function digestFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** How many documents a bulk insert refused, when all of them were duplicates; else undefined. */
function onlyDuplicates(err: unknown): number | undefined {
  const e = err as { writeErrors?: unknown[] | unknown } | null;
  if (!e || typeof e !== 'object' || !('writeErrors' in e)) return undefined;
  const errors = Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
  return errors.length && errors.every(isDuplicateKey) ? errors.length : undefined;
}

/**
 * Inserts the documents of `path` into the collection. With `keepExisting`, a document
 * whose _id is already there is left as it is (as mongorestore does without --drop).
 */
export async function importCollection(
  collection: mongo.Collection,
  path: string,
  keepExisting: boolean,
): Promise<{ inserted: number; kept: number }> {
  const counts = { inserted: 0, kept: 0 };
  const flush = async (batch: mongo.Document[]) => {
    try {
      counts.inserted += (await collection.insertMany(batch, { ordered: false })).insertedCount;
    } catch (err) {
      const duplicates = keepExisting ? onlyDuplicates(err) : undefined;
      if (duplicates === undefined) throw err;
      counts.kept += duplicates;
      counts.inserted += batch.length - duplicates;
    }
  };
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  const batch: mongo.Document[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(EJSON.parse(line, { relaxed: false }) as mongo.Document);
    if (batch.length >= BATCH) await flush(batch.splice(0));
  }
  if (batch.length) await flush(batch);
  return counts;
}

/** Index definitions of a collection, without `_id_` and server bookkeeping (relaxed EJSON). */
export async function readIndexes(collection: mongo.Collection): Promise<Record<string, unknown>[]> {
  const indexes = (await collection.indexes()) as Record<string, unknown>[];
  return indexes
    .filter((i) => i.name !== '_id_')
    .map(({ v: _v, ns: _ns, ...spec }) => EJSON.serialize(spec, { relaxed: true }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/** Creates the indexes read by readIndexes. */
export async function createIndexes(collection: mongo.Collection, indexes: Record<string, unknown>[]): Promise<void> {
  if (!indexes.length) return;
  const specs = indexes.map((i) => EJSON.deserialize(i, { relaxed: true }) as mongo.IndexDescription);
  await collection.createIndexes(specs);
}
