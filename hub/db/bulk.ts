/**
 * Bulk writes in chunks. FerretDB 1.24 on SQLite (the local database) stops answering every
 * connection, for good, when one `update` command carries about a hundred statements:
 * measured here, 75 updates in one command pass and 100 hang the server (with or without
 * other readers, ordered or not, whatever the documents' size). MongoDB takes any number;
 * chunks of 50 cost it nothing worth measuring. Every bulk write of the hub goes through
 * here.
 */

/** Statements per command: under what FerretDB was seen to take. */
export const WRITE_CHUNK = 50;

/** What a bulk write reports, summed over the chunks. */
export interface BulkCounts {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  deletedCount: number;
}

/**
 * Sends `ops` by chunks of WRITE_CHUNK through `write` (a model's or collection's
 * `bulkWrite`), one after the other, and adds up the counts. An error stops at its chunk,
 * as an ordered bulk write would; the chunks before it are written.
 */
export async function bulkWriteInChunks<Op>(
  ops: readonly Op[],
  write: (chunk: Op[]) => Promise<Partial<BulkCounts>>,
): Promise<BulkCounts> {
  const total: BulkCounts = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
  for (let i = 0; i < ops.length; i += WRITE_CHUNK) {
    const result = await write(ops.slice(i, i + WRITE_CHUNK));
    for (const key of Object.keys(total) as (keyof BulkCounts)[]) total[key] += result[key] ?? 0;
  }
  return total;
}
