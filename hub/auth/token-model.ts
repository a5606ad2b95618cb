import { Schema, model } from 'mongoose';
import type { Role } from '../../schemas/index.js';

export interface TokenDoc {
  _id: string;
  name: string;
  role: Role;
  partnerId?: string;
  /** sha256 of the secret part, hex; the secret itself is never stored. */
  secretHash: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt?: Date;
  /** Set for the token generated at first start when ADMIN_TOKEN is unset. */
  bootstrap?: boolean;
}

const schema = new Schema<TokenDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    partnerId: { type: String },
    secretHash: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date },
    bootstrap: { type: Boolean },
  },
  { versionKey: false },
);
schema.index({ partnerId: 1, createdAt: 1 });

export const TokenModel = model<TokenDoc>('Token', schema, 'tokens');
