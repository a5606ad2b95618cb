/** GET and DELETE /api/v1/visitor/data: a visitor's export and erasure. */
import { RouteGroup } from '../../http/index.js';
import type { InteractionDeps } from '../deps.js';
import { requireVisitor, VISITOR_HEADER_DOC } from '../visitor.js';
import { createVisitorDataService } from './visitor-data-service.js';

const EXPORT = {
  type: 'object',
  properties: {
    exportedAt: { type: 'string' },
    likes: {
      type: 'array',
      items: { type: 'object', properties: { itemId: { type: 'string' }, createdAt: { type: 'string' } } },
    },
    comments: { type: 'array', items: { type: 'object' } },
    flags: {
      type: 'array',
      items: {
        type: 'object',
        properties: { commentId: { type: 'string' }, reason: { type: 'string' }, createdAt: { type: 'string' } },
      },
    },
    mutes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { partnerId: { type: 'string' }, until: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};
const REFUSALS = {
  400: { description: 'visitor_required' },
  403: { description: 'origin_not_allowed' },
  429: { description: 'rate_limited' },
};

/** The visitor-data routes. */
export function privacyRoutes(deps: InteractionDeps): RouteGroup {
  const tag = 'interaction';
  const data = createVisitorDataService(deps);
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/visitor/data',
        tag,
        summary: 'Everything stored under this visitor key (likes, comments, flags)',
        headers: VISITOR_HEADER_DOC,
        responses: { 200: { description: 'Export', schema: EXPORT }, ...REFUSALS },
      },
      async (ctx) => {
        const visitor = requireVisitor(ctx);
        await data.limit(await data.hashAddress(ctx));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await data.export(visitor.hash);
      },
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/visitor/data',
        tag,
        summary: "Erase this visitor's likes, comments and flags (counts fixed)",
        headers: VISITOR_HEADER_DOC,
        responses: {
          200: {
            description: 'What was erased',
            schema: {
              type: 'object',
              properties: {
                erased: {
                  type: 'object',
                  properties: { likes: { type: 'integer' }, comments: { type: 'integer' }, flags: { type: 'integer' } },
                },
              },
            },
          },
          ...REFUSALS,
        },
      },
      async (ctx) => {
        const visitor = requireVisitor(ctx);
        await data.limit(await data.hashAddress(ctx));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { erased: await data.erase(visitor.hash) };
      },
    );
}
