/**
 * Two guards on JSON bodies, mounted after the body parser: no prototype keys anywhere in
 * a body, and admin writes in JSON only.
 */
import type { Context, Middleware, Next } from 'koa';
import { HttpError, prototypeKeyRefused } from './errors.js';

/**
 * Keys that reach an object's prototype when a body is merged or copied into another
 * object (`Object.assign`, spreads into mongoose updates, deep merges).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/** The path of the first prototype key in a parsed body (`a.b.__proto__`), or undefined. */
export function findPrototypeKey(body: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    // Own keys, __proto__ included: JSON.parse makes it an own property, not the prototype.
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return at;
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return undefined;
}

/** Refuses a JSON body holding __proto__, constructor or prototype as a key, at any depth. */
export function refusePrototypeKeys(): Middleware {
  return async function prototypeKeys(ctx: Context, next: Next): Promise<void> {
    const field = findPrototypeKey(ctx.request.body);
    if (field !== undefined) throw prototypeKeyRefused(field);
    await next();
  };
}

function hasBody(ctx: Context): boolean {
  return ctx.get('Transfer-Encoding') !== '' || Number(ctx.get('Content-Length') || 0) > 0;
}

/**
 * Admin writes that carry a body must say it is JSON: a body sent as text/plain is a
 * "simple" cross-site request that needs no CORS preflight. A write without a body (run
 * now) needs no type.
 */
export function requireJsonBodyUnder(prefix: string): Middleware {
  return async function jsonOnly(ctx: Context, next: Next): Promise<void> {
    if (WRITES.has(ctx.method) && ctx.path.toLowerCase().startsWith(prefix) && hasBody(ctx)) {
      if (!ctx.is('application/json', '+json'))
        throw new HttpError(415, 'unsupported_media_type', 'Type de contenu non pris en charge', {
          detail: "les écritures d'administration se font en JSON : envoyez Content-Type: application/json",
        });
    }
    await next();
  };
}
