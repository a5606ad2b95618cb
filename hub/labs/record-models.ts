/**
 * The lab's records, each inserted once under a unique `_id` and never changed (except a
 * comment's resolved state and a link's revocation): this is what makes "exactly one
 * winner" hold on FerretDB, whose updates are not atomic.
 */
import { Schema, model } from 'mongoose';

/** Who did something: an agent or token (id), or an outside reviewer. */
export interface Actor {
  id: string;
  name: string;
  partnerId?: string;
  /** Set when the actor is an outside reviewer (their link's id). */
  reviewerId?: string;
}

const actor = new Schema<Actor>({ id: String, name: String, partnerId: String, reviewerId: String }, { _id: false });

/** `_id` is `<labId>:<number>`: two saves from the same base both try the same _id. */
export interface RevisionDoc {
  _id: string;
  labId: string;
  number: number;
  body: string;
  note?: string;
  author: Actor;
  createdAt: Date;
}

export const RevisionModel = model<RevisionDoc>(
  'LabRevision',
  new Schema<RevisionDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      number: { type: Number, required: true },
      body: { type: String, default: '' },
      note: String,
      author: { type: actor, required: true },
      createdAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: true },
  ).index({ labId: 1, number: 1 }),
  'lab_revisions',
);

/** `_id` is `<labId>:<revision>:<partnerId>`: one approval per partner and revision. */
export interface ApprovalDoc {
  _id: string;
  labId: string;
  revision: number;
  partnerId: string;
  by: Actor;
  at: Date;
}

export const ApprovalModel = model<ApprovalDoc>(
  'LabApproval',
  new Schema<ApprovalDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      revision: { type: Number, required: true },
      partnerId: { type: String, required: true },
      by: { type: actor, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false },
  ).index({ labId: 1, revision: 1 }),
  'lab_approvals',
);

/** `_id` is `<labId>:<revision>`: a revision is published once. */
export interface PublicationDoc {
  _id: string;
  labId: string;
  revision: number;
  itemId: string;
  note?: string;
  /** A platform admin's forced publication: the reason and the partners that had not approved. */
  forced?: { reason: string; missing: string[] };
  by: Actor;
  at: Date;
}

export const PublicationModel = model<PublicationDoc>(
  'LabPublication',
  new Schema<PublicationDoc>(
    {
      _id: { type: String, required: true },
      labId: { type: String, required: true },
      revision: { type: Number, required: true },
      itemId: { type: String, required: true },
      note: String,
      forced: {
        type: new Schema({ reason: String, missing: [String] }, { _id: false }),
        default: undefined,
      },
      by: { type: actor, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false, minimize: true },
  ).index({ labId: 1, at: 1 }),
  'lab_publications',
);
