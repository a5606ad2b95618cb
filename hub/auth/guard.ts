/**
 * Admin route guards: `authenticate` turns the bearer token into ctx.state.principal;
 * `requireRole` and `assertPartnerAccess` decide 403s in one place.
 */
import type { Context, Next } from 'koa';
import type { Role } from '../../schemas/index.js';
import { forbidden, unauthorized } from '../http/index.js';
import { resolveToken, type Principal } from './tokens.js';

/** Requires a valid bearer token; 401 otherwise. */
export function authenticate(envAdminToken: string | undefined) {
  return async function bearer(ctx: Context, next: Next): Promise<void> {
    const header = ctx.get('Authorization');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized();
    const principal = await resolveToken(match[1], envAdminToken);
    if (!principal) throw unauthorized("jeton d'accès invalide ou révoqué");
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
  if (principal.role === 'platform-admin') return;
  if (!roles.includes(principal.role) || principal.partnerId !== partnerId) {
    throw forbidden(`ce jeton ne donne pas accès au partenaire ${partnerId}`);
  }
}

/** The partner a non-platform principal is limited to, or undefined for platform admins. */
export function scopedPartnerId(principal: Principal): string | undefined {
  return principal.role === 'platform-admin' ? undefined : principal.partnerId;
}
