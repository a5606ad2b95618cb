import { Schema, model } from 'mongoose';
import type { Audience, ItemType, Territory } from '../../schemas/index.js';

/**
 * What is stored of a lab. The status an agent reads is derived (lab-status.ts): only the
 * agents' choices are stored here (review asked, abandoned), the rest comes from the
 * revisions, approvals and publications, which are inserted, never updated.
 */
export interface LabDoc {
  _id: string;
  title: string;
  /** The concerned partners, the lead first. */
  partnerIds: string[];
  type: ItemType;
  audience: Audience[];
  topics: string[];
  territory?: Territory;
  dueDate?: string;
  wishId?: string;
  /** brouillon until a review is asked; abandonne keeps every revision. */
  stage: 'brouillon' | 'en-relecture' | 'abandonne';
  /** The latest revision number known here: a hint, the revisions collection decides. */
  revision: number;
  createdBy: { id: string; name: string; partnerId?: string };
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<LabDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    partnerIds: { type: [String], required: true },
    type: { type: String, required: true },
    audience: { type: [String], default: [] },
    topics: { type: [String], default: [] },
    territory: {
      type: new Schema(
        { scope: String, province: String, communes: { type: [String], default: undefined } },
        { _id: false },
      ),
      default: undefined,
    },
    dueDate: String,
    wishId: String,
    stage: { type: String, required: true },
    revision: { type: Number, required: true },
    createdBy: { type: new Schema({ id: String, name: String, partnerId: String }, { _id: false }), required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: true },
);
schema.index({ updatedAt: -1 });

export const LabModel = model<LabDoc>('Lab', schema, 'labs');
