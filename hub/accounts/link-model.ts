import { Schema, model } from 'mongoose';

/** A single-use link to choose a password: an invitation or a reset. Only the token's hash is stored. */
export interface PasswordLinkDoc {
  /** sha256 of the token in the link, hex. */
  _id: string;
  agentId: string;
  purpose: 'invitation' | 'reset';
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The use of a link: inserted under the link's id, so that a link works once whatever the race. */
export interface LinkUseDoc {
  _id: string;
  usedAt: Date;
}

const links = new Schema<PasswordLinkDoc>(
  {
    _id: { type: String, required: true },
    agentId: { type: String, required: true },
    purpose: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
links.index({ agentId: 1 });
links.index({ expiresAt: 1 });

const uses = new Schema<LinkUseDoc>(
  { _id: { type: String, required: true }, usedAt: { type: Date, required: true } },
  { versionKey: false },
);
uses.index({ usedAt: 1 });

export const PasswordLinkModel = model<PasswordLinkDoc>('PasswordLink', links, 'password_links');
export const LinkUseModel = model<LinkUseDoc>('PasswordLinkUse', uses, 'password_link_uses');
