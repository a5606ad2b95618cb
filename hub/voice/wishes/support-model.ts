import { Schema, model } from 'mongoose';

/** One visitor's « moi aussi » on one wish; the unique (wishId, visitor) index makes it once. */
export interface SupportDoc {
  wishId: string;
  /** sha256 of the visitor key. */
  visitor: string;
  createdAt: Date;
}

const schema = new Schema<SupportDoc>(
  {
    wishId: { type: String, required: true },
    visitor: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ wishId: 1, visitor: 1 }, { unique: true });
schema.index({ visitor: 1 });

export const SupportModel = model<SupportDoc>('WishSupport', schema, 'wish_supports');
