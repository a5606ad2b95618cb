import { Schema, model } from 'mongoose';

/**
 * pending: awaiting moderation; published: visible and counted; rejected / hidden: out of
 * view (hidden until reviewed); deleted: a placeholder kept for its replies.
 */
export type CommentStatus = 'pending' | 'published' | 'rejected' | 'hidden' | 'deleted';

/** A comment as stored. author and body are plain text. */
export interface CommentDoc {
  _id: string;
  itemId: string;
  partnerId: string;
  /** The top-level comment answered, or null. */
  parentId: string | null;
  /** sha256 of the visitor key; absent on official replies and placeholders. */
  visitor?: string;
  author: string;
  body: string;
  status: CommentStatus;
  /** Why a hidden comment is hidden: 3 flags, or a moderator. */
  hiddenReason?: 'flags' | 'moderator';
  /** Set on a partner's official reply. */
  official?: { partnerId: string; partnerName: string; tokenId: string };
  createdAt: Date;
  editedAt?: Date;
  deletedAt?: Date;
  /** sha256 of the edit token; the token itself is only given to the author. */
  editTokenHash?: string;
  editableUntil?: Date;
  /** Day-salted hash of the sender's address, removed after 30 days. */
  ipHash?: string;
  /** When a moderator last approved it (first-time mode looks for one). */
  approvedAt?: Date;
  /** Flags older than this were reviewed (the comment was approved after them). */
  flagsClearedAt?: Date;
}

const schema = new Schema<CommentDoc>(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    partnerId: { type: String, required: true },
    parentId: { type: String, default: null },
    visitor: String,
    author: { type: String, default: '' },
    body: { type: String, default: '' },
    status: { type: String, required: true },
    hiddenReason: String,
    official: {
      type: new Schema({ partnerId: String, partnerName: String, tokenId: String }, { _id: false }),
      default: undefined,
    },
    createdAt: { type: Date, required: true },
    editedAt: Date,
    deletedAt: Date,
    editTokenHash: String,
    editableUntil: Date,
    ipHash: String,
    approvedAt: Date,
    flagsClearedAt: Date,
  },
  { versionKey: false, minimize: true },
);
// Threads: top-level then replies of an item, oldest first; counts of published ones.
schema.index({ itemId: 1, parentId: 1, status: 1, createdAt: 1 });
schema.index({ parentId: 1, status: 1, createdAt: 1 });
// Moderation queues per partner, visitor export and first-time checks, retention.
schema.index({ partnerId: 1, status: 1, createdAt: -1 });
schema.index({ status: 1, createdAt: -1 });
schema.index({ visitor: 1, partnerId: 1, status: 1 });
schema.index({ createdAt: 1 });

export const CommentModel = model<CommentDoc>('Comment', schema, 'comments');
