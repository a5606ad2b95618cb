/**
 * The signed-in agent of a console request. Every console page but sign-in requires one:
 * a page asked without a session leads to the sign-in page, which brings the agent back.
 */
import type { Context, Middleware, Next } from 'koa';
import { readSignedIn, type AgentDoc, type SessionDoc } from '../../hub/accounts/index.js';
import type { Principal } from '../../hub/auth/index.js';
import { Forbidden } from '../../hub/domain-errors.js';
import type { Role } from '../../schemas/index.js';
import { can, type Capability } from '../access.js';

export interface Viewer {
  agent: AgentDoc;
  session: SessionDoc;
  principal: Principal;
  role: Role;
  /** The agent's partner; undefined for platform admins. */
  partnerId?: string;
}

/** The viewer set by requireAgent. */
export function getViewer(ctx: Context): Viewer {
  const viewer = ctx.state.viewer as Viewer | undefined;
  if (!viewer) throw new Error('console: route mounted without requireAgent');
  return viewer;
}

/** The page to come back to after signing in: only a console path of this site. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/console(\/[^\s\\]*)?$/.test(value) && !value.startsWith('//')
    ? value
    : '/console';
}

/** Requires a session: GET without one goes to sign-in; anything else is refused. */
export function requireAgent(): Middleware {
  return async function agent(ctx: Context, next: Next): Promise<void> {
    const signedIn = await readSignedIn(ctx);
    if (!signedIn) {
      if (ctx.method === 'GET' || ctx.method === 'HEAD') {
        ctx.status = 303;
        ctx.redirect(`/console/connexion?retour=${encodeURIComponent(safeReturnPath(ctx.originalUrl))}`);
        return;
      }
      throw new Forbidden(
        'votre session a expiré ou vous êtes déconnecté : reconnectez-vous, puis recommencez',
        'session_required',
        'Session expirée',
      );
    }
    const { agent, session, principal } = signedIn;
    ctx.state.principal = principal;
    ctx.state.viewer = {
      agent,
      session,
      principal,
      role: agent.role,
      ...(agent.partnerId ? { partnerId: agent.partnerId } : {}),
    } satisfies Viewer;
    ctx.log = ctx.log.child({ agentId: agent._id });
    await next();
  };
}

/** Refuses (403) a viewer whose role lacks the capability. */
export function requireCapability(capability: Capability): Middleware {
  return async function capable(ctx: Context, next: Next): Promise<void> {
    if (!can(getViewer(ctx).role, capability))
      throw new Forbidden('votre rôle ne donne pas accès à cette page ou à cette action', 'forbidden');
    await next();
  };
}

/**
 * The partner a listing shows: an agent's own; for a platform admin the one asked
 * (?partenaire=), or every partner. An agent asking for another partner is refused.
 */
export function scopePartner(viewer: Viewer, asked: unknown): string | undefined {
  const wanted = typeof asked === 'string' && asked !== '' ? asked : undefined;
  if (viewer.role === 'platform-admin') return wanted;
  if (wanted && wanted !== viewer.partnerId) throw new Forbidden("vous n'avez accès qu'à votre partenaire");
  return viewer.partnerId;
}

/** Refuses a record of another partner (403) for agents of a partner. */
export function assertOwnPartner(viewer: Viewer, partnerId: string): void {
  if (viewer.role !== 'platform-admin' && viewer.partnerId !== partnerId)
    throw new Forbidden("ceci appartient à un autre partenaire : vous n'y avez pas accès");
}
