import { RouteGroup, type RouteDoc } from '../http/index.js';
import { buildOpenApi } from './document.js';

/** GET /api/v1/openapi.json, built once from every route's documentation (its own included). */
export function openApiRoutes(allDocs: () => RouteDoc[], info: { version: string; publicUrl: string }): RouteGroup {
  let cached: string | undefined;
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      tag: 'meta',
      summary: 'This document (OpenAPI 3.1)',
      responses: { 200: { description: 'OpenAPI document', schema: { type: 'object' } } },
    },
    (ctx) => {
      cached ??= JSON.stringify(buildOpenApi(allDocs(), info));
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.type = 'application/json';
      ctx.body = cached;
    },
  );
}
