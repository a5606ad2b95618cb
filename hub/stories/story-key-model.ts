import { Schema, model } from 'mongoose';

/** One member of a signature bucket: an item, its partner, its story and its signature. */
export interface StoryMember {
  itemId: string;
  partnerId: string;
  storyId: string;
  /** 16 hex digits; absent for items grouped by address only (too little text). */
  signature?: string;
}

/**
 * The signature index: one document per key (`u:<canonical address>` or
 * `b<band>:<16 bits>`), looked up by `_id` only — FerretDB answers that without a scan —
 * so finding an item's candidates costs the same at 1,000 items as at 50,000.
 */
export interface StoryKeyDoc {
  _id: string;
  members: StoryMember[];
}

const member = new Schema<StoryMember>(
  { itemId: String, partnerId: String, storyId: String, signature: String },
  { _id: false },
);

const schema = new Schema<StoryKeyDoc>(
  { _id: { type: String, required: true }, members: { type: [member], default: [] } },
  { versionKey: false },
);

export const StoryKeyModel = model<StoryKeyDoc>('StoryKey', schema, 'story_keys');
