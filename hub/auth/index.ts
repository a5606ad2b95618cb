export { authenticate, assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from './guard.js';
export {
  countPartnerTokens,
  createToken,
  ensureBootstrapToken,
  resolveToken,
  type Principal,
  type TokenView,
} from './tokens.js';
export { adminTokenRoutes, type TokenRouteDeps } from './routes.js';
export { hasPartnerAccess, type SessionAuthenticator } from './guard.js';
export { issueToken, listVisibleTokens, revokeToken, snapshotToken } from './token-admin.js';
