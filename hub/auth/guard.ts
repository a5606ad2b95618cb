/**
 * Admin route guards: `authenticate` turns the bearer token (or a console session) into ctx.state.principal;
 * `requireRole` and `assertPartnerAccess` decide 403s in one place.
 */
import type { Context, Next } from 'koa';
import type { Role } from '../../schemas/index.js';
import { forbidden, unauthorized } from '../http/index.js';
import { resolveToken, type Principal } from './tokens.js';

/**
 * The second way in: a console session (hub/accounts), given by the wiring. It returns the
 * session's principal, undefined without a session, and throws when a session's unsafe
 * request lacks its CSRF token.
 */
export type SessionAuthenticator = (ctx: Context) => Promise<Principal | undefined>;

/**
 * Requires a valid bearer token — machines — or, when `session` is given, a console
 * session of an agent; 401 otherwise. A bearer header always wins over a cookie.
 */
export function authenticate(envAdminToken: string | undefined, session?: SessionAuthenticator) {
  return async function bearer(ctx: Context, next: Next): Promise<void> {
    const header = ctx.get('Authorization');
    let principal: Principal | undefined;
    if (header || !session) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1]) throw unauthorized();
      principal = await resolveToken(match[1], envAdminToken);
      if (!principal) throw unauthorized("jeton d'accès invalide ou révoqué");
    } else {
      principal = await session(ctx);
      if (!principal) throw unauthorized();
    }
    ctx.state.principal = principal;
    ctx.log = ctx.log.child({ tokenId: principal.tokenId });
    await next();
  };
}

/** Returns the authenticated principal (after `authenticate`). */
export function getPrincipal(ctx: Context): Principal {
  const principal = ctx.state.principal as Principal | undefined;
  // Fails closed should a route ever be mounted outside the guarded prefix.
  if (!principal) throw unauthorized();
  return principal;
}

/** Allows only the given roles; 403 otherwise. */
export function requireRole(...roles: Role[]) {
  return async function role(ctx: Context, next: Next): Promise<void> {
    if (!roles.includes(getPrincipal(ctx).role)) throw forbidden(`réservé aux rôles : ${roles.join(', ')}`);
    await next();
  };
}

/**
 * Platform admins see every partner; the given roles only their own (403 otherwise). The
 * default is partner admins alone: moderators see comments and nothing else, so a route
 * open to them says so (`['partner-admin', 'moderator']`).
 */
export function assertPartnerAccess(principal: Principal, partnerId: string, roles: Role[] = ['partner-admin']): void {
  if (!hasPartnerAccess(principal, partnerId, roles)) {
    throw forbidden(`ce jeton ne donne pas accès au partenaire ${partnerId}`);
  }
}

/** The same rule as a question: platform admins reach every partner, the listed roles their own. */
export function hasPartnerAccess(principal: Principal, partnerId: string, roles: readonly Role[]): boolean {
  if (principal.role === 'platform-admin') return true;
  return roles.includes(principal.role) && principal.partnerId === partnerId;
}

/** The partner a non-platform principal is limited to, or undefined for platform admins. */
export function scopedPartnerId(principal: Principal): string | undefined {
  return principal.role === 'platform-admin' ? undefined : principal.partnerId;
}
