/** Liveness and readiness. Readiness runs every registered check (database, search index…). */
import { RouteGroup } from '../http/index.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean> | boolean;
}

const STATUS = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } };

/** GET /healthz (process up) and GET /readyz (every check passes, else 503). */
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
          checks.map(async (c) => [c.name, await Promise.resolve(c.check()).catch(() => false)] as const),
        );
        const ready = results.every(([, ok]) => ok);
        ctx.set('Cache-Control', 'no-store');
        ctx.status = ready ? 200 : 503;
        ctx.body = { status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) };
      },
    );
}
