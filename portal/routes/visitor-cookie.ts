/**
 * The visitor of the portal's forms without JavaScript (page feedback, wishes, « Moi
 * aussi »): a random key in the first-party cookie `passerelle_visiteur` (HttpOnly,
 * SameSite=Lax), set only by those pages, since a page without script has no other way to
 * be one visitor. Nothing else reads it.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { BadPageRequest } from './error-pages.js';

const COOKIE = 'passerelle_visiteur';
const KEY = /^[A-Za-z0-9_-]{22,64}$/;
const YEAR_MS = 365 * 86_400_000;

/** The visitor key of the cookie, if the visitor has one. */
export function readVisitorKey(ctx: Context): string | undefined {
  const existing = ctx.cookies.get(COOKIE);
  return existing && KEY.test(existing) ? existing : undefined;
}

/** The visitor key of the cookie, created (and set) when absent. */
export function ensureVisitorKey(ctx: Context, secure: boolean): string {
  const existing = readVisitorKey(ctx);
  if (existing) return existing;
  const key = randomBytes(16).toString('base64url');
  ctx.cookies.set(COOKIE, key, { httpOnly: true, sameSite: 'lax', secure, maxAge: YEAR_MS, overwrite: true });
  return key;
}

/** Refuses a form posted from another site (nobody may act for the visitor). */
export function refuseCrossSite(ctx: Context, field: string): void {
  if (ctx.get('Sec-Fetch-Site') === 'cross-site')
    throw new BadPageRequest([{ field, message: 'ce formulaire ne peut être envoyé que depuis ce site' }]);
}

/** Makes the browser forget its visitor key (after the erasure of its data). */
export function forgetVisitorCookie(ctx: Context, secure: boolean): void {
  ctx.cookies.set(COOKIE, null, { httpOnly: true, sameSite: 'lax', secure, overwrite: true });
}
