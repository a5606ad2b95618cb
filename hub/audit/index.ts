/**
 * The journal of changes: every change made in the console or the admin API (partners,
 * sources, tokens, accounts, items, moderation…), with who, when, what and a short
 * before/after. Routes declare `audited({action, target, snapshot})`; readers call listAudit.
 */
export { actorOf, audited, type AuditSnapshot, type AuditSpec, type AuditState } from './audited.js';
export { listAudit, recordAudit, type AuditEntry, type AuditEntryInput, type AuditQuery } from './record.js';
export { describeValue, summarizeChanges } from './diff.js';
export type { AuditActor, AuditChange } from './audit-model.js';
