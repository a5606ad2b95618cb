/**
 * Counts and times every request by the route pattern the router matched (never the raw
 * path: /api/v1/items/:id is one series, not one per item), and counts database errors
 * surfacing in requests. Mounted inside renderProblems, so it sees thrown errors before
 * they are rendered and reads their status.
 */
import type { Context, Next } from 'koa';
import { toHttpError } from '../http/index.js';
import { httpDuration, httpRequests, recordDatabaseError } from './registry.js';

/** Label of a request no route matched (404s of scanners must not create series). */
export const UNMATCHED_ROUTE = '(unmatched)';

/** MongoDB driver and mongoose errors, which name themselves Mongo…. */
export function isDatabaseError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^Mongo/.test(name);
}

function routeOf(ctx: Context): string {
  const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
  return matched === undefined ? UNMATCHED_ROUTE : String(matched);
}

/** The middleware. */
export function measureHttp() {
  return async function httpMetrics(ctx: Context, next: Next): Promise<void> {
    const started = performance.now();
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } catch (err) {
      if (isDatabaseError(err)) recordDatabaseError('request');
      status = toHttpError(err)?.status ?? 500;
      throw err;
    } finally {
      const labels = { method: ctx.method, route: routeOf(ctx), status: String(status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
