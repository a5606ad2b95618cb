/** Writing and reading the journal of changes. */
import { randomBytes } from 'node:crypto';
import { AuditModel, type AuditActor, type AuditChange, type AuditDoc } from './audit-model.js';

export interface AuditEntryInput {
  actor: AuditActor;
  action: string;
  target: { type: string; id: string; label?: string };
  partnerId?: string;
  changes?: AuditChange[];
  note?: string;
  requestId?: string;
  at?: Date;
}

/** An entry as readers see it. */
export interface AuditEntry extends Omit<AuditDoc, '_id' | 'at'> {
  id: string;
  at: string;
}

function toEntry({ _id, at, ...rest }: AuditDoc): AuditEntry {
  return { id: _id, at: at.toISOString(), ...rest };
}

/** Records changes (one insert for all of them). */
export async function recordAudit(entries: AuditEntryInput[]): Promise<void> {
  if (!entries.length) return;
  const now = new Date();
  await AuditModel.insertMany(
    entries.map(({ at, changes, ...entry }) => ({
      _id: randomBytes(10).toString('base64url'),
      at: at ?? now,
      changes: changes ?? [],
      ...entry,
    })),
  );
}

export interface AuditQuery {
  /** Only this partner's changes (partner admins); undefined: every change. */
  partnerId?: string;
  /** Only changes of this target. */
  target?: { type: string; id: string };
  /** 1-based. */
  page?: number;
  limit?: number;
}

/** The journal, newest first. */
export async function listAudit(query: AuditQuery = {}): Promise<{ total: number; entries: AuditEntry[] }> {
  const limit = query.limit ?? 50;
  const filter: Record<string, unknown> = {};
  if (query.partnerId) filter.partnerId = query.partnerId;
  if (query.target) Object.assign(filter, { 'target.type': query.target.type, 'target.id': query.target.id });
  const [docs, total] = await Promise.all([
    AuditModel.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip(((query.page ?? 1) - 1) * limit)
      .limit(limit)
      .lean<AuditDoc[]>(),
    AuditModel.countDocuments(filter),
  ]);
  return { total, entries: docs.map(toEntry) };
}
