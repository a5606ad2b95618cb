/**
 * Accounts of the partners' agents and their console sessions: passwords (scrypt),
 * single-use links, sign-in throttling, OpenID Connect, sessions with idle and absolute
 * timeouts. API bearer tokens stay in hub/auth, for machines.
 */
export {
  AGENT_ROLES,
  checkAgentInput,
  findAgent,
  findAgentByEmail,
  listActiveAgents,
  listAgents,
  markNotificationsSeen,
  normalizeEmail,
  toAgentView,
  type AgentInput,
  type AgentView,
} from './agents.js';
export type { AgentDoc } from './agent-model.js';
export type { SessionDoc } from './session-model.js';
export { canManageAccounts, changeAgent, inviteAgent, issueResetLink, loadManagedAgent } from './administer.js';
export { ensureFirstAdmin, upsertPlatformAdmin } from './bootstrap.js';
export { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password.js';
export { LINK_VALIDITY_MS, readPasswordLink, usePasswordLink } from './links.js';
export {
  ABSOLUTE_TIMEOUT_MS,
  checkCsrf,
  closeAgentSessions,
  closeSession,
  IDLE_TIMEOUT_MS,
  openSession,
  setFlash,
  takeFlash,
} from './sessions.js';
export { SIGN_IN_REFUSED, SignInRefused, signInWithPassword } from './sign-in.js';
export { ACCOUNT_RULE, ADDRESS_RULE } from './throttle.js';
export { createOidcSignIn, OIDC_REFUSED, type OidcSettings, type OidcSignIn } from './oidc.js';
export {
  authenticateSession,
  clearSessionCookie,
  CSRF_HEADER,
  principalOf,
  readSignedIn,
  SESSION_COOKIE,
  setSessionCookie,
  type SignedIn,
} from './http.js';
export { ensureSessionTtl, purgeAccountData } from './maintenance.js';
