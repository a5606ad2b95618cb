/**
 * CSRF protection of every console form: the request must come from the console's own
 * origin (when the browser says so) and carry the form token — the session's, or before
 * sign-in the one kept in a cookie of its own (double submit).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Middleware, Next } from 'koa';
import { checkCsrf, readSignedIn } from '../../hub/accounts/index.js';
import { Forbidden } from '../../hub/domain-errors.js';

export const FORM_FIELD = '_csrf';
const FORM_COOKIE = 'passerelle_form';

const refused = () =>
  new Forbidden(
    'ce formulaire a expiré ou ne vient pas de la console : rechargez la page, puis recommencez',
    'csrf_failed',
    'Formulaire refusé',
  );

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The pages whose address is their credential (a password link, a reviewer's link) say
 * `Referrer-Policy: no-referrer`; browsers then send `Origin: null` with their forms.
 */
const NO_REFERRER_FORMS = /^\/console\/(mot-de-passe|relecture)\/[^/]+$/;

/** Browsers send Origin with every form post; one that is not ours is refused outright. */
function originAllowed(ctx: Context, publicUrl: string): boolean {
  const origin = ctx.get('Origin');
  if (!origin) return true;
  if (origin === 'null' && NO_REFERRER_FORMS.test(ctx.path)) return true;
  return origin === new URL(publicUrl).origin || origin === `${ctx.protocol}://${ctx.host}`;
}

/** The token of the forms of a page shown before sign-in (set in its cookie when missing). */
export function anonymousFormToken(ctx: Context, secure: boolean): string {
  const current = ctx.cookies.get(FORM_COOKIE);
  if (current && /^[\w-]{32}$/.test(current)) return current;
  const token = randomBytes(24).toString('base64url');
  if (secure) (ctx.cookies as unknown as { secure: boolean }).secure = true;
  ctx.cookies.set(FORM_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/console', overwrite: true });
  return token;
}

/** Checks every unsafe request under the console. */
export function checkForms(publicUrl: string): Middleware {
  return async function csrf(ctx: Context, next: Next): Promise<void> {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
    if (!originAllowed(ctx, publicUrl)) throw refused();
    const submitted = (ctx.request.body as Record<string, unknown> | undefined)?.[FORM_FIELD];
    const signedIn = await readSignedIn(ctx);
    const ok = signedIn
      ? checkCsrf(signedIn.session, submitted)
      : typeof submitted === 'string' && sameText(submitted, ctx.cookies.get(FORM_COOKIE) ?? '');
    if (!ok) throw refused();
    await next();
  };
}
