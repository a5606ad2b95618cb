import type { Context, Middleware, Next } from 'koa';

/** Runs `guard` before anything under `prefix`: every admin route needs a bearer token. */
export function requireBearerUnder(prefix: string, guard: Middleware): Middleware {
  return async function adminArea(ctx: Context, next: Next) {
    // Lower-cased: whatever a router accepts under the prefix, the guard sees first.
    if (ctx.path.toLowerCase().startsWith(prefix)) return guard(ctx, next);
    return next();
  };
}
