/** Liveness and readiness. Readiness runs every registered check (database, search index…). */
import { RouteGroup } from '../http/index.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean> | boolean;
  /** What /readyz says when this check fails: a stable code and a French sentence. */
  failure?: { code: string; detail: string };
}

const STATUS = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    checks: { type: 'object' },
    reason: { type: 'string', description: 'Code of the first failing check, e.g. database_unavailable' },
    detail: { type: 'string' },
  },
};

/** GET /healthz (process up) and GET /readyz (every check passes, else 503 with the reason). */
export function healthRoutes(checks: ReadinessCheck[]): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/healthz',
        tag: 'meta',
        summary: 'The process is up',
        responses: { 200: { description: 'Up', schema: STATUS } },
      },
      (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { status: 'ok' };
      },
    )
    .add(
      {
        method: 'get',
        path: '/readyz',
        tag: 'meta',
        summary: 'Database reachable and search index loaded',
        responses: { 200: { description: 'Ready', schema: STATUS }, 503: { description: 'Not ready', schema: STATUS } },
      },
      async (ctx) => {
        const results = await Promise.all(
          checks.map(async (c) => [c, await Promise.resolve(c.check()).catch(() => false)] as const),
        );
        const failed = results.find(([, ok]) => !ok)?.[0];
        ctx.set('Cache-Control', 'no-store');
        ctx.status = failed ? 503 : 200;
        if (failed) ctx.set('Retry-After', '5');
        ctx.body = {
          status: failed ? 'not_ready' : 'ready',
          checks: Object.fromEntries(results.map(([c, ok]) => [c.name, ok])),
          ...(failed ? describeFailure(failed) : {}),
        };
      },
    );
}

function describeFailure(check: ReadinessCheck): { reason: string; detail?: string } {
  return check.failure
    ? { reason: check.failure.code, detail: check.failure.detail }
    : { reason: `${check.name}_not_ready` };
}
