/**
 * CORS for the public API. Reads (GET, HEAD) are open to every origin (`*`): they carry no
 * credentials. Writes on the routes listed as restricted answer only the hub's own origin
 * (PUBLIC_URL) and the origins a route allows (a partner's allowedOrigins); any other
 * Origin is refused with 403 origin_not_allowed, preflight included. A request without
 * Origin (server to server, curl) is not a browser's and passes. Admin routes get no CORS.
 */
import type { Context, Next } from 'koa';
import { HttpError } from './errors.js';

/** A route whose writes are limited to some origins. */
export interface RestrictedRoute {
  /** Path pattern; its capture groups are given to `allows`. */
  path: RegExp;
  /** Methods restricted on that path (GET included when the read is personal). */
  methods: readonly string[];
  /** True when `origin` (other than PUBLIC_URL's) may call this route. */
  allows(origin: string, params: string[]): Promise<boolean>;
}

export interface CorsOptions {
  /** The hub's public URL: its origin is always allowed. */
  publicUrl: string;
  restricted: readonly RestrictedRoute[];
  /** Paths that get no CORS headers at all (default: /api/v1/admin/). */
  privatePrefixes?: readonly string[];
  /** Preflight cache lifetime, in seconds (default 600). */
  maxAgeSeconds?: number;
}

export const CORS_ALLOWED_HEADERS = 'Content-Type, Passerelle-Visitor, Passerelle-Edit-Token';
const EXPOSED_HEADERS = 'Retry-After, X-Request-Id';
const READ_METHODS = new Set(['GET', 'HEAD']);

/** 403 for a write from an origin the route does not allow. */
export function originNotAllowed(origin: string): HttpError {
  return new HttpError(403, 'origin_not_allowed', 'Origine non autorisée', {
    detail: `l'origine ${origin} n'est pas autorisée à écrire ici : ajoutez-la aux origines autorisées du partenaire (allowedOrigins), ou ouvrez le portail à son adresse publique (PUBLIC_URL)`,
  });
}

/** Decodes a path segment; a malformed one stays as it is (the route then answers 404). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function findRestricted(
  routes: readonly RestrictedRoute[],
  path: string,
  method: string,
): { route: RestrictedRoute; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.path.exec(path);
    if (match && route.methods.includes(method))
      return { route, params: match.slice(1).map((p) => safeDecode(p ?? '')) };
  }
  return undefined;
}

function methodsOn(routes: readonly RestrictedRoute[], path: string): string {
  const methods = new Set(['GET', 'HEAD', 'OPTIONS']);
  for (const route of routes) if (route.path.test(path)) route.methods.forEach((m) => methods.add(m));
  return [...methods].join(', ');
}

function answerPreflight(ctx: Context, allowOrigin: string, methods: string, maxAge: number): void {
  ctx.set('Access-Control-Allow-Origin', allowOrigin);
  ctx.set('Access-Control-Allow-Methods', methods);
  ctx.set('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
  ctx.set('Access-Control-Max-Age', String(maxAge));
  if (allowOrigin !== '*') ctx.vary('Origin');
  ctx.status = 204;
}

/** The CORS middleware; mount it after the problem renderer and before the routers. */
export function applyCors(options: CorsOptions) {
  const ownOrigin = new URL(options.publicUrl).origin;
  const privatePrefixes = options.privatePrefixes ?? ['/api/v1/admin/'];
  const maxAge = options.maxAgeSeconds ?? 600;

  async function isAllowed(origin: string, route: RestrictedRoute, params: string[]): Promise<boolean> {
    return origin === ownOrigin || (origin !== 'null' && (await route.allows(origin, params)));
  }

  return async function cors(ctx: Context, next: Next): Promise<void> {
    const origin = ctx.get('Origin');
    if (privatePrefixes.some((p) => ctx.path.startsWith(p))) return next();
    const preflightMethod = ctx.method === 'OPTIONS' ? ctx.get('Access-Control-Request-Method').toUpperCase() : '';
    const method = preflightMethod || ctx.method;
    const restricted = findRestricted(options.restricted, ctx.path, method);
    if (restricted) ctx.vary('Origin');
    if (!origin) return next();
    if (restricted) {
      if (!(await isAllowed(origin, restricted.route, restricted.params))) throw originNotAllowed(origin);
      if (preflightMethod) return answerPreflight(ctx, origin, methodsOn(options.restricted, ctx.path), maxAge);
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      return next();
    }
    if (!READ_METHODS.has(method)) return next();
    if (preflightMethod) return answerPreflight(ctx, '*', 'GET, HEAD, OPTIONS', maxAge);
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return next();
  };
}
