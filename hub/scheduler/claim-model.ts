import { Schema, model } from 'mongoose';

/**
 * One claim on one generation of a source. Its `_id` (source, generation, attempt) makes
 * the claim an insert that exactly one process can win: unique inserts are atomic on
 * MongoDB and on FerretDB alike, whereas conditional updates are not atomic on FerretDB.
 */
export interface ClaimDoc {
  _id: string;
  sourceId: string;
  generation: number;
  attempt: number;
  owner: string;
  runId: string;
  until: Date;
  createdAt: Date;
}

const schema = new Schema<ClaimDoc>(
  {
    _id: { type: String, required: true },
    sourceId: { type: String, required: true },
    generation: { type: Number, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    runId: { type: String, required: true },
    until: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ sourceId: 1, generation: -1, attempt: -1 });

export const ClaimModel = model<ClaimDoc>('Claim', schema, 'claims');
