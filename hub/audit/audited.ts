/**
 * The middleware that journals a change made through a route (admin API or console): it
 * takes a snapshot of each target before the handler runs and after it succeeded, and
 * records who did it, when, and the fields that changed.
 */
import type { Context, Middleware, Next } from 'koa';
import type { AuditActor } from './audit-model.js';
import { summarizeChanges } from './diff.js';
import { recordAudit, type AuditEntryInput } from './record.js';

/** What the journal shows of a target: its partner, a label, and the fields compared. */
export interface AuditSnapshot {
  partnerId?: string;
  label?: string;
  fields: Record<string, unknown>;
}

export interface AuditSpec {
  /** `<target>.<verb>`, e.g. source.update. */
  action: string;
  /** The kind of target: source, partner, token, agent, comment, item… */
  target: string;
  /** The target as it stands, or undefined when it does not exist (before a creation, after a deletion). */
  snapshot?: (id: string) => Promise<AuditSnapshot | undefined>;
  /** The ids the request acts on, read before it runs. Default: the route's :id. */
  ids?: (ctx: Context) => string[];
  /** Record the action even when the snapshot did not change (run now, a password link…). */
  always?: boolean;
}

/**
 * Handlers may refine the entry through ctx.state: `auditTargets` (the ids after the
 * handler, e.g. the id of what it created), `auditNote` (a reason), `auditSkip` (nothing
 * was changed after all, e.g. a preview).
 */
export interface AuditState {
  auditTargets?: string[];
  auditNote?: string;
  auditSkip?: boolean;
}

interface PrincipalLike {
  kind?: 'token' | 'agent';
  tokenId: string;
  agentId?: string;
  name: string;
  role: string;
  partnerId?: string;
}

/** The actor of a request, from the principal the guards put on ctx.state. */
export function actorOf(ctx: Context): AuditActor {
  const p = ctx.state.principal as PrincipalLike | undefined;
  if (!p) return { kind: 'system', id: 'system', name: 'Passerelle' };
  return {
    kind: p.kind ?? 'token',
    id: p.agentId ?? p.tokenId,
    name: p.name,
    role: p.role,
    ...(p.partnerId ? { partnerId: p.partnerId } : {}),
  };
}

const paramId = (ctx: Context): string[] => (ctx.params?.id ? [String(ctx.params.id)] : []);

/** Journals the change the route makes, once it has succeeded (status below 400). */
export function audited(spec: AuditSpec): Middleware {
  return async function audit(ctx: Context, next: Next): Promise<void> {
    const ids = (spec.ids ?? paramId)(ctx);
    const before = new Map<string, AuditSnapshot | undefined>();
    if (spec.snapshot) for (const id of ids) before.set(id, await spec.snapshot(id));
    await next();
    const state = ctx.state as AuditState;
    if (ctx.status >= 400 || state.auditSkip) return;
    const entries: AuditEntryInput[] = [];
    for (const id of state.auditTargets ?? ids) {
      const from = before.get(id);
      const to = spec.snapshot ? await spec.snapshot(id) : undefined;
      const changes = summarizeChanges(from?.fields, to?.fields);
      // A snapshot that did not move: nothing changed (a bulk action refused for this one).
      if (spec.snapshot && !spec.always && (from || to) && changes.length === 0) continue;
      const partnerId = to?.partnerId ?? from?.partnerId;
      const label = to?.label ?? from?.label;
      entries.push({
        actor: actorOf(ctx),
        action: spec.action,
        target: { type: spec.target, id, ...(label ? { label } : {}) },
        ...(partnerId ? { partnerId } : {}),
        changes,
        ...(state.auditNote ? { note: state.auditNote } : {}),
        ...(ctx.state.requestId ? { requestId: String(ctx.state.requestId) } : {}),
      });
    }
    try {
      await recordAudit(entries);
    } catch (err) {
      // The change is made; a journal that cannot be written is an operator's problem, logged loudly.
      ctx.log?.error({ err, action: spec.action }, 'audit: entry not recorded');
    }
  };
}
