/** Idempotent seeding: inserts missing partners, never overwrites what admins changed. */
import { PartnerModel } from './partner-model.js';
import { newPartnerFields } from './partners.js';
import { SEED_PARTNERS } from './seed-data.js';
import { bulkWriteInChunks } from '../db/index.js';

/** Inserts the seed partners that do not exist yet; returns how many were inserted. */
export async function seedPartners(): Promise<number> {
  const now = new Date();
  const result = await bulkWriteInChunks(
    SEED_PARTNERS.map(({ id, ...fields }) => ({
      updateOne: {
        filter: { _id: id },
        update: { $setOnInsert: newPartnerFields(fields, now) },
        upsert: true,
      },
    })),
    (chunk) => PartnerModel.bulkWrite(chunk, { ordered: false }),
  );
  return result.upsertedCount;
}

/**
 * Gives the seed's office to every seeded partner that has none yet (databases seeded
 * before offices existed); an office a partner already wrote is never touched.
 */
export async function fillSeedOffices(): Promise<number> {
  const result = await bulkWriteInChunks(
    SEED_PARTNERS.filter((p) => p.office).map(({ id, office }) => ({
      updateOne: { filter: { _id: id, office: { $exists: false } }, update: { $set: { office } } },
    })),
    (chunk) => PartnerModel.bulkWrite(chunk, { ordered: false }),
  );
  return result.modifiedCount;
}
