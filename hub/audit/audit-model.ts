import { Schema, model } from 'mongoose';

/** Who made a change: an API token, an agent signed in to the console, or the hub itself. */
export interface AuditActor {
  kind: 'token' | 'agent' | 'system';
  /** The token's id, the agent's id, or « system ». */
  id: string;
  name: string;
  role?: string;
  partnerId?: string;
}

/** One field that changed, as short text (secrets never shown). */
export interface AuditChange {
  field: string;
  before?: string;
  after?: string;
}

/** One change made in the console or the admin API: who, when, what, a short before/after. */
export interface AuditDoc {
  _id: string;
  at: Date;
  actor: AuditActor;
  /** The partner the change concerns (what partner admins may read); absent for platform-wide changes. */
  partnerId?: string;
  /** Stable name, `<target>.<verb>`: source.update, comment.moderate, agent.invite… */
  action: string;
  target: { type: string; id: string; label?: string };
  changes: AuditChange[];
  /** A reason or a detail given with the change (a moderation reason…). */
  note?: string;
  requestId?: string;
}

const schema = new Schema<AuditDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    partnerId: String,
    action: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    changes: { type: Schema.Types.Mixed, default: [] },
    note: String,
    requestId: String,
  },
  { versionKey: false, minimize: true },
);
// The journal, newest first: everything (platform admins), or one partner's.
schema.index({ at: -1 });
schema.index({ partnerId: 1, at: -1 });

export const AuditModel = model<AuditDoc>('Audit', schema, 'audit_log');
