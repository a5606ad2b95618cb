/**
 * CORS for the public API, by @koa/cors. Reads (GET, HEAD) are open to every origin (`*`):
 * they carry no credentials. Writes on the routes listed as restricted answer only the
 * hub's own origin (PUBLIC_URL) and the origins a route allows (a partner's
 * allowedOrigins): the per-partner rule is @koa/cors's `origin` function, which refuses any
 * other Origin with 403 origin_not_allowed, preflight included, and logs the origin and the
 * partner. A request without Origin (server to server, curl, same-origin GET) is not a
 * cross-origin browser request and gets no CORS headers. Admin routes get no CORS.
 */
import cors from '@koa/cors';
import type { Context, Middleware, Next } from 'koa';
import { HttpError } from './errors.js';

/** Whether an origin may write, and for which partner the question was asked. */
export interface OriginVerdict {
  allowed: boolean;
  /** The partner whose allowedOrigins decided (absent when any partner's may). */
  partnerId?: string;
}

/** A route whose writes are limited to some origins. */
export interface RestrictedRoute {
  /** Path pattern; its capture groups are given to `allows`. */
  path: RegExp;
  /** Methods restricted on that path (GET included when the read is personal). */
  methods: readonly string[];
  /** Whether `origin` (other than PUBLIC_URL's) may call this route. */
  allows(origin: string, params: string[]): Promise<OriginVerdict>;
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

function findRestricted(routes: readonly RestrictedRoute[], path: string, method: string) {
  for (const route of routes) {
    const match = route.path.exec(path);
    if (match && route.methods.includes(method))
      return { route, params: match.slice(1).map((p) => safeDecode(p ?? '')) };
  }
  return undefined;
}

/** The CORS middleware; mount it after the problem renderer and before the routers. */
export function applyCors(options: CorsOptions): Middleware {
  const ownOrigin = new URL(options.publicUrl).origin;
  const privatePrefixes = options.privatePrefixes ?? ['/api/v1/admin/'];
  const common = {
    allowHeaders: CORS_ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: options.maxAgeSeconds ?? 600,
  };
  const requestedMethod = (ctx: Context) =>
    ctx.method === 'OPTIONS' ? ctx.get('Access-Control-Request-Method').toUpperCase() : ctx.method;

  const reads = cors({
    ...common,
    origin: (ctx) => (ctx.get('Origin') ? '*' : ''),
    allowMethods: 'GET, HEAD, OPTIONS',
  });
  const writes = cors({
    ...common,
    allowMethods: ['GET', 'HEAD', 'OPTIONS', ...new Set(options.restricted.flatMap((r) => r.methods))].join(', '),
    async origin(ctx) {
      const origin = ctx.get('Origin');
      const restricted = findRestricted(options.restricted, ctx.path, requestedMethod(ctx));
      if (!origin || !restricted || origin === ownOrigin) return origin;
      const verdict = origin === 'null' ? { allowed: false } : await restricted.route.allows(origin, restricted.params);
      if (verdict.allowed) return origin;
      ctx.log.warn(
        { origin, partnerId: verdict.partnerId, method: requestedMethod(ctx), path: ctx.path },
        'cors: origin not allowed to write (add it to the partner allowedOrigins)',
      );
      throw originNotAllowed(origin);
    },
  });

  return async function corsByRoute(ctx: Context, next: Next): Promise<void> {
    if (privatePrefixes.some((p) => ctx.path.startsWith(p))) return next();
    const method = requestedMethod(ctx);
    if (findRestricted(options.restricted, ctx.path, method)) return writes(ctx, next);
    if (READ_METHODS.has(method)) return reads(ctx, next);
    return next();
  };
}
