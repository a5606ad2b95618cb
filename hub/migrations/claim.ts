/**
 * Who runs a migration, when several hubs start at once: the one whose insert of the claim
 * `<id>#<attempt>` succeeds (a unique insert has exactly one winner on MongoDB and on
 * FerretDB alike; conditional updates do not on FerretDB). The winner renews its lease
 * while it works; a claim left to expire (its holder died) is taken over with attempt + 1.
 */
import { isDuplicateKey } from '../db/index.js';
import { MigrationClaimModel, type MigrationClaimDoc } from './record-model.js';

/** The newest claim on a migration, if any. */
export async function findLatestClaim(migrationId: string): Promise<MigrationClaimDoc | undefined> {
  const latest = await MigrationClaimModel.findOne({ migrationId }).sort({ attempt: -1 }).lean<MigrationClaimDoc>();
  return latest ?? undefined;
}

/** Claims the migration for `owner`; undefined while another live claim holds it or when another insert won. */
export async function claimMigration(
  migrationId: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<MigrationClaimDoc | undefined> {
  const latest = await findLatestClaim(migrationId);
  if (latest && latest.until > now) return undefined;
  const attempt = latest ? latest.attempt + 1 : 0;
  const doc: MigrationClaimDoc = {
    _id: `${migrationId}#${attempt}`,
    migrationId,
    attempt,
    owner,
    until: new Date(now.getTime() + leaseMs),
    createdAt: now,
  };
  try {
    await MigrationClaimModel.create(doc);
    return doc;
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
}

/** Extends our own claim (only its holder writes it, so the update races with nobody). */
export async function renewMigrationClaim(claim: MigrationClaimDoc, until: Date): Promise<void> {
  await MigrationClaimModel.updateOne({ _id: claim._id, owner: claim.owner }, { $set: { until } });
}

/** Drops our claim (the migration failed: the next start may try again at once). */
export async function releaseMigrationClaim(claim: MigrationClaimDoc): Promise<void> {
  await MigrationClaimModel.deleteOne({ _id: claim._id, owner: claim.owner });
}
