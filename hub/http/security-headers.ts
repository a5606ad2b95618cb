/**
 * Security headers for every response. Routes that are meant to be framed (widget
 * iframes) set their own Content-Security-Policy, which is then left alone.
 */
import type { Context, Next } from 'koa';

const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sets nosniff, a referrer policy unless the route set one, HSTS on https, and a strict CSP unless the route set one. */
export function setSecurityHeaders(options: { https: boolean }) {
  return async function securityHeaders(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
    } finally {
      ctx.set('X-Content-Type-Options', 'nosniff');
      // A page whose address holds a secret (a password or reviewer link) says no-referrer itself.
      if (!ctx.response.get('Referrer-Policy')) ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
      ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
      if (!ctx.response.get('Cross-Origin-Resource-Policy')) ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      if (!ctx.response.get('Content-Security-Policy')) ctx.set('Content-Security-Policy', DEFAULT_CSP);
      if (
        !ctx.response.get('X-Frame-Options') &&
        /frame-ancestors 'none'/.test(ctx.response.get('Content-Security-Policy'))
      ) {
        ctx.set('X-Frame-Options', 'DENY');
      }
      if (options.https) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      ctx.remove('X-Powered-By');
    }
  };
}
