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
