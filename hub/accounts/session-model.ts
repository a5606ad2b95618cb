import { Schema, model } from 'mongoose';

/** A console session. The cookie holds a random token; only its sha256 is stored. */
export interface SessionDoc {
  /** sha256 of the cookie's token, hex. */
  _id: string;
  agentId: string;
  /** The token every form of this session carries (CSRF). */
  csrf: string;
  via: 'password' | 'oidc' | 'link';
  createdAt: Date;
  lastSeenAt: Date;
  /** The earlier of idle and absolute expiry; the TTL index removes the session then. */
  expiresAt: Date;
  /** A message for the next page only (PRG), e.g. a secret shown once. */
  flash?: { kind: 'success' | 'info' | 'alert'; message: string; secret?: string; secretLabel?: string };
}

const schema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    agentId: { type: String, required: true },
    csrf: { type: String, required: true },
    via: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    flash: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: true },
);
// « Sign out everywhere » and deactivation close every session of an agent.
schema.index({ agentId: 1 });
// The TTL index (expireAfterSeconds) is created by ensureAccountIndexes: FerretDB 1.24 refuses it.
schema.index({ expiresAt: 1 });

export const SessionModel = model<SessionDoc>('Session', schema, 'sessions');
