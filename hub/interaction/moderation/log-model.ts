import { Schema, model } from 'mongoose';

export type LoggedAction = 'approve' | 'reject' | 'hide' | 'auto-hide' | 'official-reply' | 'mute';

/** One moderation action: who, when, what (status from → to), why. Kept 12 months. */
export interface ModerationLogDoc {
  at: Date;
  partnerId: string;
  itemId: string;
  commentId: string;
  action: LoggedAction;
  /** null for an official reply (a new comment). */
  from: string | null;
  to: string;
  reason?: string;
  /** For a mute: when it ends. */
  until?: Date;
  /** The token or agent (tokenId agent:<id>) that acted; tokenId "system" for automatic hiding. */
  by: { tokenId: string; name: string };
}

const schema = new Schema<ModerationLogDoc>(
  {
    at: { type: Date, required: true },
    partnerId: { type: String, required: true },
    itemId: { type: String, required: true },
    commentId: { type: String, required: true },
    action: { type: String, required: true },
    from: { type: String, default: null },
    to: { type: String, required: true },
    reason: String,
    until: Date,
    by: { type: new Schema({ tokenId: String, name: String }, { _id: false }), required: true },
  },
  { versionKey: false },
);
schema.index({ partnerId: 1, at: -1 });
schema.index({ commentId: 1, at: -1 });
schema.index({ at: 1 });

export const ModerationLogModel = model<ModerationLogDoc>('ModerationLog', schema, 'moderation_log');
