import { Schema, model } from 'mongoose';

/**
 * A visitor's answer to « Cette page vous a-t-elle été utile ? » on one item: one per
 * (item, visitor) by unique index, changed in place when the visitor answers again.
 */
export interface FeedbackDoc {
  itemId: string;
  partnerId: string;
  visitor: string;
  useful: boolean;
  reasons: string[];
  /** Free text (500 characters), never public. */
  text?: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<FeedbackDoc>(
  {
    itemId: { type: String, required: true },
    partnerId: { type: String, required: true },
    visitor: { type: String, required: true },
    useful: { type: Boolean, required: true },
    reasons: { type: [String], default: [] },
    text: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ itemId: 1, visitor: 1 }, { unique: true });
schema.index({ partnerId: 1 });
schema.index({ visitor: 1 });

export const FeedbackModel = model<FeedbackDoc>('PageFeedback', schema, 'page_feedback');
