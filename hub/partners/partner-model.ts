import { Schema, model } from 'mongoose';
import type { Partner } from '../../schemas/index.js';

/** A partner as stored: the schema's Partner with `_id` as the slug and real dates. */
export type PartnerDoc = Omit<Partner, 'id' | 'createdAt' | 'updatedAt'> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};

const contact = new Schema(
  { name: String, role: String, email: { type: String, required: true }, phone: String },
  { _id: false },
);

const schema = new Schema<PartnerDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    shortName: String,
    kind: { type: String, required: true },
    description: String,
    territory: { province: String, communeCode: String },
    website: String,
    logo: String,
    contacts: { type: [contact], default: [] },
    // Checked against the schema (and the opening hours by their library) before any write.
    office: { type: Schema.Types.Mixed, default: undefined },
    status: { type: String, required: true, default: 'active' },
    allowedOrigins: { type: [String], default: [] },
    moderation: { mode: { type: String, required: true, default: 'post' } },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: true },
);
// The public list filters on status and kind.
schema.index({ status: 1, kind: 1 });
schema.index({ 'territory.province': 1 });
schema.index({ 'territory.communeCode': 1 });

export const PartnerModel = model<PartnerDoc>('Partner', schema, 'partners');
