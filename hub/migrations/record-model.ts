/**
 * The record of applied migrations (`migrations`, backed up with the data: a restored
 * database knows its schema version) and the claims of running ones (`migration_claims`,
 * leases of live processes, not backed up).
 */
import { Schema, model } from 'mongoose';

export interface AppliedDoc {
  /** The migration id. */
  _id: string;
  version: number;
  description: string;
  readableFrom: number;
  startedAt: Date;
  appliedAt: Date;
  durationMs: number;
  owner: string;
  hubVersion: string;
  result?: Record<string, number>;
}

const applied = new Schema<AppliedDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    description: { type: String, required: true },
    readableFrom: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    appliedAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    owner: { type: String, required: true },
    hubVersion: { type: String, required: true },
    result: { type: Schema.Types.Mixed, default: undefined },
  },
  { versionKey: false, minimize: true },
);

export const AppliedMigrationModel = model<AppliedDoc>('AppliedMigration', applied, 'migrations');

/** One attempt at running one migration: `_id` is `<migration id>#<attempt>`. */
export interface MigrationClaimDoc {
  _id: string;
  migrationId: string;
  attempt: number;
  owner: string;
  until: Date;
  createdAt: Date;
}

const claim = new Schema<MigrationClaimDoc>(
  {
    _id: { type: String, required: true },
    migrationId: { type: String, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    until: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
claim.index({ migrationId: 1, attempt: -1 });

export const MigrationClaimModel = model<MigrationClaimDoc>('MigrationClaim', claim, 'migration_claims');
