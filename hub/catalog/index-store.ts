/**
 * The serialized search index, stored in MongoDB so that a restart or a second hub process
 * loads it instead of rebuilding. Stored in chunks (a document holds at most 16 MB), under
 * the items' data version it was built from.
 */
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';

interface ChunkDoc {
  _id: string;
  build: string;
  version: string;
  /** The items' change-log entry its data was read at (absent in indexes stored before it). */
  seq?: number;
  n: number;
  total: number;
  data: Buffer;
  createdAt: Date;
}

const schema = new Schema<ChunkDoc>(
  { _id: String, build: String, version: String, seq: Number, n: Number, total: Number, data: Buffer, createdAt: Date },
  { versionKey: false },
);
schema.index({ createdAt: -1 });
const ChunkModel = model<ChunkDoc>('SearchIndexChunk', schema, 'search_index');

const CHUNK = 8 * 1024 * 1024;

/** Stores an index built from data version `version` (change-log entry `seq`); older stored indexes are removed. */
export async function saveStoredIndex(
  version: string,
  serialized: Buffer,
  seq?: number,
  now = new Date(),
): Promise<void> {
  const build = `${version}-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const total = Math.max(1, Math.ceil(serialized.length / CHUNK));
  for (let n = 0; n < total; n += 1) {
    await ChunkModel.create({
      _id: `${build}:${n}`,
      build,
      version,
      ...(seq !== undefined ? { seq } : {}),
      n,
      total,
      data: serialized.subarray(n * CHUNK, (n + 1) * CHUNK),
      createdAt: now,
    });
  }
  // Readers pick the newest complete build; only then are older ones dropped.
  await ChunkModel.deleteMany({ build: { $ne: build }, createdAt: { $lte: now } });
}

/** The newest complete stored index, or undefined. */
export async function loadStoredIndex(): Promise<{ version: string; seq?: number; serialized: Buffer } | undefined> {
  const heads = await ChunkModel.find({ n: 0 }, { build: 1, version: 1, seq: 1, total: 1 })
    .sort({ createdAt: -1 })
    .limit(3)
    .lean<ChunkDoc[]>();
  for (const head of heads) {
    const chunks = await ChunkModel.find({ build: head.build }).sort({ n: 1 }).lean<ChunkDoc[]>();
    if (chunks.length !== head.total) continue;
    return {
      version: String(head.version),
      ...(typeof head.seq === 'number' ? { seq: head.seq } : {}),
      serialized: Buffer.concat(chunks.map((c) => Buffer.from(c.data.buffer ?? c.data))),
    };
  }
  return undefined;
}

const ClaimModel = model<{ _id: string; at: Date }>(
  'SearchIndexClaim',
  new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false }),
  'search_index_claims',
);

/**
 * Claims the full build that replaces the stored index of change-log entry `baseSeq`: one
 * hub wins (a unique insert), the others wait for the index it stores.
 */
export async function claimIndexBuild(baseSeq: number): Promise<boolean> {
  try {
    await ClaimModel.create({ _id: `full:${baseSeq}`, at: new Date() });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
