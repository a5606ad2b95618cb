/**
 * Gives every request an id (taken from a sane X-Request-Id or made up), a child logger
 * carrying it, and one access-log line when the response is done.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../log.js';

declare module 'koa' {
  interface BaseContext {
    log: Logger;
  }
}

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Request id, per-request logger and access log. */
export function attachRequestContext(log: Logger) {
  return async function requestContext(ctx: Context, next: Next): Promise<void> {
    const incoming = ctx.get('X-Request-Id');
    const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    ctx.log = log.child({ requestId });
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const level = ctx.status >= 500 ? 'error' : 'info';
      ctx.log[level]({ method: ctx.method, path: ctx.path, status: ctx.status, ms }, 'http: request');
    }
  };
}
