import { Schema, model } from 'mongoose';
import type { Role } from '../../schemas/index.js';

/** An agent's account: one person, one role, one partner (none for platform admins). */
export interface AgentDoc {
  _id: string;
  /** Lower-cased, unique: the sign-in name and what OpenID Connect matches. */
  email: string;
  name: string;
  role: Role;
  partnerId?: string;
  active: boolean;
  /** scrypt hash (password.ts); absent until the agent chose a password (invited, or OIDC only). */
  passwordHash?: string;
  createdAt: Date;
  updatedAt: Date;
  /** Who created it: an agent id, a token id, or « bootstrap ». */
  createdBy: string;
  lastSignInAt?: Date;
  /** Notifications newer than this are new to the agent. */
  notificationsSeenAt?: Date;
}

const schema = new Schema<AgentDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    partnerId: String,
    active: { type: Boolean, required: true },
    passwordHash: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    lastSignInAt: Date,
    notificationsSeenAt: Date,
  },
  { versionKey: false, minimize: true },
);
// One account per address: a unique insert settles two invitations of the same person.
schema.index({ email: 1 }, { unique: true });
schema.index({ partnerId: 1, role: 1 });

export const AgentModel = model<AgentDoc>('Agent', schema, 'agents');
