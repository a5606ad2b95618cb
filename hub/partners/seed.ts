/** Idempotent seeding: inserts missing partners, never overwrites what admins changed. */
import { PartnerModel } from './partner-model.js';
import { newPartnerFields } from './partners.js';
import { SEED_PARTNERS } from './seed-data.js';

/** Inserts the seed partners that do not exist yet; returns how many were inserted. */
export async function seedPartners(): Promise<number> {
  const now = new Date();
  const result = await PartnerModel.bulkWrite(
    SEED_PARTNERS.map(({ id, ...fields }) => ({
      updateOne: {
        filter: { _id: id },
        update: { $setOnInsert: newPartnerFields(fields, now) },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return result.upsertedCount;
}
