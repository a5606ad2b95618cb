import { Schema, model } from 'mongoose';

/**
 * A form token already used: its nonce as the unique _id, so that of two submissions of one
 * token exactly one inserts (FerretDB 1.24 is not atomic for updates, but an insert under a
 * unique _id is). Kept until the token would have expired anyway; no visitor data.
 */
export interface UsedFormTokenDoc {
  _id: string;
  purpose: string;
  usedAt: Date;
  expiresAt: Date;
}

const schema = new Schema<UsedFormTokenDoc>(
  {
    _id: String,
    purpose: { type: String, required: true },
    usedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// No TTL index: FerretDB 1.24 refuses expireAfterSeconds. The daily retention purge deletes them.
schema.index({ expiresAt: 1 });

export const UsedFormTokenModel = model<UsedFormTokenDoc>('UsedFormToken', schema, 'form_token_uses');
