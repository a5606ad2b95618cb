/**
 * The HTTP edge shared by every route: problem+json errors and the one middleware that
 * renders them, JSON bodies checked against the schemas, documented route groups, request
 * ids, security headers, CORS, the admin area guard and the client address.
 */
export {
  conflict,
  forbidden,
  HttpError,
  invalidInput,
  notFound,
  renderProblems,
  toHttpError,
  tooManyRequests,
  unauthorized,
  type HttpErrorOptions,
} from './errors.js';
export { readBody } from './read-body.js';
export { refusePrototypeKeys, requireJsonBodyUnder } from './json-body.js';
export { RouteGroup, type JsonSchemaRef, type ParamDoc, type ResponseDoc, type RouteDoc } from './route-group.js';
export { attachRequestContext } from './request-context.js';
export { setSecurityHeaders } from './security-headers.js';
export { requireBearerUnder } from './admin-area.js';
export { getClientAddress, normalizeAddress, pickClientAddress } from './client-address.js';
export {
  applyCors,
  CORS_ALLOWED_HEADERS,
  originNotAllowed,
  type CorsOptions,
  type OriginVerdict,
  type RestrictedRoute,
} from './cors.js';
