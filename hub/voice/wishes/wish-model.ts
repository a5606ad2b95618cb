import { Schema, model } from 'mongoose';

export const WISH_STATUSES = ['nouveau', 'a-l-etude', 'accepte', 'publie', 'refuse', 'doublon'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
/** Closed: nothing more will happen (supports stop, follow-up addresses expire 90 days later). */
export const CLOSED_STATUSES: readonly WishStatus[] = ['publie', 'refuse', 'doublon'];

/** The comments' moderation statuses. */
export type WishModeration = 'pending' | 'published' | 'rejected' | 'hidden';

/** Who signed a step: the citizen, an agent (token or console account) of a partner, or the system. */
export interface WishSigner {
  kind: 'citizen' | 'agent' | 'system';
  name: string;
  tokenId?: string;
  /** The partner the agent speaks for; absent for platform admins. */
  partnerId?: string;
}

/** One dated, signed step of the wish's public history. */
export interface WishStep {
  at: Date;
  from: WishStatus | null;
  status: WishStatus;
  by: WishSigner;
  answer?: string;
  partnerIds?: string[];
  duplicateOf?: string;
  itemId?: string;
}

/** One moderation action, kept on the wish (never public). */
export interface WishModerationStep {
  at: Date;
  action: 'approve' | 'reject' | 'hide' | 'auto-hide';
  from: WishModeration;
  to: WishModeration;
  reason?: string;
  by: WishSigner;
}

export interface WishOrigin {
  /** search: made by an agent of searches that found nothing. */
  kind: 'citizen' | 'agent' | 'search';
  /** Agent entry on a citizen's behalf: where the citizen wrote it. */
  network?: string;
  postUrl?: string;
}

export interface WishDoc {
  _id: string;
  title: string;
  body: string;
  status: WishStatus;
  moderation: WishModeration;
  hiddenReason?: 'flags' | 'moderator';
  approvedAt?: Date;
  flagsClearedAt?: Date;
  commune?: string;
  audience?: string;
  topic?: string;
  campaign?: string;
  origin: WishOrigin;
  /** sha256 of the visitor key (citizen wishes). */
  visitor?: string;
  /** Day-salted hash of the sender's address, dropped after 30 days. */
  ipHash?: string;
  partnerIds: string[];
  duplicateOf?: string;
  itemId?: string;
  /** The latest public answer. */
  answer?: string;
  /** Copy of the support records' count (see hub/db/count-copy.ts). */
  supports: number;
  history: WishStep[];
  moderationLog: WishModerationStep[];
  createdAt: Date;
  /** Date of the latest public step (feeds, « récemment répondus »). */
  updatedAt: Date;
  /** Date of the latest answer (status beyond a-l-etude, or a step with an answer). */
  answeredAt?: Date;
  closedAt?: Date;
}

const signer = { kind: String, name: String, tokenId: String, partnerId: String };

const schema = new Schema<WishDoc>(
  {
    _id: String,
    title: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    moderation: { type: String, required: true },
    hiddenReason: String,
    approvedAt: Date,
    flagsClearedAt: Date,
    commune: String,
    audience: String,
    topic: String,
    campaign: String,
    origin: { kind: { type: String, required: true }, network: String, postUrl: String },
    visitor: String,
    ipHash: String,
    partnerIds: { type: [String], default: [] },
    duplicateOf: String,
    itemId: String,
    answer: String,
    supports: { type: Number, default: 0 },
    history: [
      {
        _id: false,
        at: Date,
        from: String,
        status: String,
        by: signer,
        answer: String,
        partnerIds: { type: [String], default: undefined },
        duplicateOf: String,
        itemId: String,
      },
    ],
    moderationLog: [{ _id: false, at: Date, action: String, from: String, to: String, reason: String, by: signer }],
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    answeredAt: Date,
    closedAt: Date,
  },
  { versionKey: false },
);
schema.index({ moderation: 1, status: 1 });
schema.index({ visitor: 1 });
schema.index({ partnerIds: 1 });

export const WishModel = model<WishDoc>('Wish', schema, 'wishes');
