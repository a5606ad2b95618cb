import { Schema, model } from 'mongoose';
import type { FlagReason } from '../../../schemas/index.js';

/** One visitor's report of one comment; the unique (commentId, visitor) index makes it once. */
export interface FlagDoc {
  commentId: string;
  itemId: string;
  partnerId: string;
  /** sha256 of the visitor key. */
  visitor: string;
  reason: FlagReason;
  createdAt: Date;
  /** How much it counts (flag-weight.ts); absent on reports stored before weights: 1. */
  weight?: number;
}

const schema = new Schema<FlagDoc>(
  {
    commentId: { type: String, required: true },
    itemId: { type: String, required: true },
    partnerId: { type: String, required: true },
    visitor: { type: String, required: true },
    reason: { type: String, required: true },
    createdAt: { type: Date, required: true },
    weight: Number,
  },
  { versionKey: false },
);
schema.index({ commentId: 1, visitor: 1 }, { unique: true });
schema.index({ commentId: 1, createdAt: 1 });
schema.index({ visitor: 1 });

export const FlagModel = model<FlagDoc>('Flag', schema, 'flags');
