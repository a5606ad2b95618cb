/** Comments, membership requests, outside reviewers' links and presence pings of a lab. */
import { Schema, model } from 'mongoose';
import type { Actor } from './record-models.js';

const actor = new Schema<Actor>({ id: String, name: String, partnerId: String, reviewerId: String }, { _id: false });

/** A comment anchored to a section (or the whole document), with one level of replies. */
export interface LabCommentDoc {
  _id: string;
  labId: string;
  section?: string;
  parentId: string | null;
  body: string;
  author: Actor;
  /** The revision the author was reading. */
  revision: number;
  createdAt: Date;
  resolved?: { by: Actor; at: Date };
}

export const LabCommentModel = model<LabCommentDoc>(
  'LabComment',
  new Schema<LabCommentDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      section: String,
      parentId: { type: String, default: null },
      body: { type: String, required: true },
      author: { type: actor, required: true },
      revision: { type: Number, required: true },
      createdAt: { type: Date, required: true },
      resolved: { type: new Schema({ by: actor, at: Date }, { _id: false }), default: undefined },
    },
    { versionKey: false, minimize: true },
  ).index({ labId: 1, createdAt: 1 }),
  'lab_comments',
);

/** `_id` is `<labId>:<agent id>`: one request per agent and lab. */
export interface MembershipDoc {
  _id: string;
  labId: string;
  agent: Actor;
  status: 'en-attente' | 'accepte' | 'refuse';
  requestedAt: Date;
  decided?: { by: Actor; at: Date };
}

export const MembershipModel = model<MembershipDoc>(
  'LabMembership',
  new Schema<MembershipDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      agent: { type: actor, required: true },
      status: { type: String, required: true },
      requestedAt: { type: Date, required: true },
      decided: { type: new Schema({ by: actor, at: Date }, { _id: false }), default: undefined },
    },
    { versionKey: false, minimize: true },
  ).index({ labId: 1 }),
  'lab_memberships',
);

/** An outside expert's link: the secret is kept as its sha256 only. */
export interface ReviewerDoc {
  _id: string;
  labId: string;
  name: string;
  email?: string;
  secretHash: string;
  invitedBy: Actor;
  createdAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

export const ReviewerModel = model<ReviewerDoc>(
  'LabReviewer',
  new Schema<ReviewerDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      name: { type: String, required: true },
      email: String,
      secretHash: { type: String, required: true },
      invitedBy: { type: actor, required: true },
      createdAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
      revokedAt: Date,
    },
    { versionKey: false, minimize: true },
  ).index({ labId: 1 }),
  'lab_reviewers',
);

/** `_id` is `<labId>:<agent id>`; rewritten by each ping. */
export interface PresenceDoc {
  _id: string;
  labId: string;
  agent: Actor;
  at: Date;
}

export const PresenceModel = model<PresenceDoc>(
  'LabPresence',
  new Schema<PresenceDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      agent: { type: actor, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false },
  ).index({ labId: 1, at: -1 }),
  'lab_presence',
);
