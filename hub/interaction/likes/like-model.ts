import { Schema, model } from 'mongoose';

/** One visitor's like of one item. The unique (itemId, visitor) index makes it one per visitor. */
export interface LikeDoc {
  itemId: string;
  partnerId: string;
  /** sha256 of the visitor key. */
  visitor: string;
  createdAt: Date;
}

const schema = new Schema<LikeDoc>(
  {
    itemId: { type: String, required: true },
    partnerId: { type: String, required: true },
    visitor: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ itemId: 1, visitor: 1 }, { unique: true });
schema.index({ visitor: 1 });

export const LikeModel = model<LikeDoc>('Like', schema, 'likes');
