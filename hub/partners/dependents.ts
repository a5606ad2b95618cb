/**
 * What still refers to a partner. Read through the raw collections so that this module
 * does not depend on the modules that own them (sources, items, tokens).
 */
import mongoose from 'mongoose';

const DEPENDENT_COLLECTIONS = ['sources', 'items', 'tokens'];

/** Counts the documents of other collections that name this partner. */
export async function countPartnerDependents(partnerId: string): Promise<number> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database: not connected');
  const counts = await Promise.all(
    DEPENDENT_COLLECTIONS.map((name) => db.collection(name).countDocuments({ partnerId }, { limit: 1 })),
  );
  return counts.reduce((a, b) => a + b, 0);
}
