import { Schema, model } from 'mongoose';

/** A visitor key muted on one partner's items until a date: their new comments there are refused. */
export interface MuteDoc {
  /** `<partnerId>:<visitor hash>`: one mute per visitor and partner, replaced by the next. */
  _id: string;
  partnerId: string;
  visitor: string;
  until: Date;
  reason?: string;
  by: { tokenId: string; name: string };
  at: Date;
}

const schema = new Schema<MuteDoc>(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    visitor: { type: String, required: true },
    until: { type: Date, required: true },
    reason: String,
    by: { type: new Schema({ tokenId: String, name: String }, { _id: false }), required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ visitor: 1 });
schema.index({ until: 1 });

export const MuteModel = model<MuteDoc>('VisitorMute', schema, 'visitor_mutes');
