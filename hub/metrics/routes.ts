/**
 * GET /metrics, in the Prometheus text format, for a platform-admin bearer token or a
 * client whose address is in METRICS_ALLOW; a 403 for anyone else.
 */
import type { Context } from 'koa';
import { forbidden, getClientAddress, RouteGroup } from '../http/index.js';
import { createAddressMatcher } from './address-list.js';
import { registry } from './registry.js';

export interface MetricsRouteDeps {
  allow: readonly string[];
  trustedProxies: readonly string[];
  /** True when the bearer token is a platform admin's. */
  isPlatformAdmin: (token: string) => Promise<boolean>;
}

async function isAllowed(ctx: Context, deps: MetricsRouteDeps, allowed: (a: string) => boolean): Promise<boolean> {
  if (allowed(getClientAddress(ctx, deps.trustedProxies))) return true;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('Authorization'))?.[1];
  return token !== undefined && (await deps.isPlatformAdmin(token));
}

export function metricsRoutes(deps: MetricsRouteDeps): RouteGroup {
  const allowed = createAddressMatcher(deps.allow);
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/metrics',
      // Not `auth: 'bearer'`: an address in METRICS_ALLOW needs no token, and a refusal
      // is a 403 for both ways in (ARCHITECTURE: "nobody else").
      summary:
        'Metrics of this hub process (Prometheus text format): a platform-admin bearer token, or a client address in METRICS_ALLOW',
      tag: 'operations',
      responses: {
        200: { description: 'Prometheus text exposition format 0.0.4', contentType: 'text/plain' },
        403: { description: 'Neither a platform-admin token nor an address listed in METRICS_ALLOW' },
      },
    },
    async (ctx) => {
      if (!(await isAllowed(ctx, deps, allowed))) {
        throw forbidden('les métriques sont réservées aux administrateurs de la plateforme et aux adresses autorisées');
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.type = registry.contentType;
      ctx.body = await registry.metrics();
    },
  );
}
