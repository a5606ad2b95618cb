/**
 * The session on the HTTP edge: the cookie (opaque, HttpOnly, SameSite=Lax, Secure when
 * PUBLIC_URL is https), the signed-in agent of a request, and the admin API's second way
 * in — a console session, whose unsafe requests must carry the session's CSRF token.
 */
import type { Context } from 'koa';
import type { Principal } from '../auth/index.js';
import { Forbidden } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import { findHeldAgent } from './agent-cache.js';
import type { SessionDoc } from './session-model.js';
import { checkCsrf, resumeSession } from './sessions.js';

export const SESSION_COOKIE = 'passerelle_session';
/** The header a script sends with the session's CSRF token on the admin API. */
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SignedIn {
  session: SessionDoc;
  agent: AgentDoc;
  principal: Principal;
}

/** What guards and logs know of an agent. */
export function principalOf(agent: AgentDoc): Principal {
  return {
    kind: 'agent',
    tokenId: `agent:${agent._id}`,
    agentId: agent._id,
    name: agent.name,
    role: agent.role,
    ...(agent.partnerId ? { partnerId: agent.partnerId } : {}),
  };
}

/** Koa refuses Secure cookies on a plain-http connection; behind a TLS proxy that is every request. */
function allowSecure(ctx: Context, secure: boolean): void {
  if (secure) (ctx.cookies as unknown as { secure: boolean }).secure = true;
}

/** Writes the session cookie: a browser session cookie, the server enforces the timeouts. */
export function setSessionCookie(ctx: Context, token: string, secure: boolean): void {
  allowSecure(ctx, secure);
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', overwrite: true });
}

export function clearSessionCookie(ctx: Context, secure: boolean): void {
  allowSecure(ctx, secure);
  ctx.cookies.set(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    overwrite: true,
    maxAge: 0,
  });
}

/**
 * The live session and active agent of a request, read once per request: the session from
 * the database every time, the agent held a second by this process (agent-cache.ts).
 */
export async function readSignedIn(ctx: Context): Promise<SignedIn | undefined> {
  if ('signedIn' in ctx.state) return ctx.state.signedIn as SignedIn | undefined;
  let signedIn: SignedIn | undefined;
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (token && token.length <= 100) {
    const session = await resumeSession(token);
    const agent = session ? await findHeldAgent(session.agentId) : undefined;
    if (session && agent?.active) signedIn = { session, agent, principal: principalOf(agent) };
  }
  ctx.state.signedIn = signedIn;
  return signedIn;
}

/**
 * The admin API's session authenticator: the principal of the console session, if any;
 * an unsafe method without the session's CSRF token in X-CSRF-Token is refused.
 */
export async function authenticateSession(ctx: Context): Promise<Principal | undefined> {
  const signedIn = await readSignedIn(ctx);
  if (!signedIn) return undefined;
  if (!SAFE_METHODS.has(ctx.method) && !checkCsrf(signedIn.session, ctx.get(CSRF_HEADER)))
    throw new Forbidden(
      `jeton CSRF manquant ou invalide : une requête de session envoie l'en-tête ${CSRF_HEADER}`,
      'csrf_failed',
    );
  return signedIn.principal;
}
