/**
 * The serialized search index, stored in MongoDB so that a restart or a second hub process
 * loads it instead of rebuilding. Stored in chunks (a document holds at most 16 MB), under
 * the items' data version it was built from.
 */
import { Schema, model } from 'mongoose';

interface ChunkDoc {
  _id: string;
  build: string;
  version: string;
  n: number;
  total: number;
  data: Buffer;
  createdAt: Date;
}

const schema = new Schema<ChunkDoc>(
  { _id: String, build: String, version: String, n: Number, total: Number, data: Buffer, createdAt: Date },
  { versionKey: false },
);
schema.index({ createdAt: -1 });
const ChunkModel = model<ChunkDoc>('SearchIndexChunk', schema, 'search_index');

const CHUNK = 8 * 1024 * 1024;

/** Stores an index built from data version `version`; older stored indexes are removed. */
export async function saveStoredIndex(version: string, serialized: Buffer, now = new Date()): Promise<void> {
  const build = `${version}-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const total = Math.max(1, Math.ceil(serialized.length / CHUNK));
  for (let n = 0; n < total; n += 1) {
    await ChunkModel.create({
      _id: `${build}:${n}`,
      build,
      version,
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
export async function loadStoredIndex(): Promise<{ version: string; serialized: Buffer } | undefined> {
  const heads = await ChunkModel.find({ n: 0 }, { build: 1, version: 1, total: 1 })
    .sort({ createdAt: -1 })
    .limit(3)
    .lean<ChunkDoc[]>();
  for (const head of heads) {
    const chunks = await ChunkModel.find({ build: head.build }).sort({ n: 1 }).lean<ChunkDoc[]>();
    if (chunks.length !== head.total) continue;
    return {
      version: String(head.version),
      serialized: Buffer.concat(chunks.map((c) => Buffer.from(c.data.buffer ?? c.data))),
    };
  }
  return undefined;
}
