import { Schema, model } from 'mongoose';

/** One visitor's report of a wish; once per (wishId, visitor) by unique index. */
export interface WishFlagDoc {
  wishId: string;
  visitor: string;
  reason: string;
  createdAt: Date;
}

const schema = new Schema<WishFlagDoc>(
  {
    wishId: { type: String, required: true },
    visitor: { type: String, required: true },
    reason: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ wishId: 1, visitor: 1 }, { unique: true });
schema.index({ visitor: 1 });

export const WishFlagModel = model<WishFlagDoc>('WishFlag', schema, 'wish_flags');

/**
 * A visitor's wish title, claimed once: `_id` is sha256(visitor, normalized title), so
 * the same visitor sending the same wish twice (a double click included) stores one.
 */
interface WishFingerprintDoc {
  _id: string;
  visitor: string;
  wishId: string;
}

export const WishFingerprintModel = model<WishFingerprintDoc>(
  'WishFingerprint',
  new Schema<WishFingerprintDoc>(
    { _id: String, visitor: { type: String, required: true, index: true }, wishId: { type: String, required: true } },
    { versionKey: false },
  ),
  'wish_fingerprints',
);
