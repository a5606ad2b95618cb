/** POST/DELETE /api/v1/items/:id/likes and GET /api/v1/items/:id/reactions. */
import type { Context } from 'koa';
import { RouteGroup } from '../../http/index.js';
import type { InteractionDeps } from '../deps.js';
import { itemIdParam, loadLikeableItem } from '../item-context.js';
import { hashRequestAddress, limitAction } from '../rate-rules.js';
import { readVisitor, requireVisitor, VISITOR_HEADER, VISITOR_HEADER_DOC } from '../visitor.js';
import { likeItem, readReactions, unlikeItem } from './likes.js';

const REACTIONS = {
  type: 'object',
  required: ['likes', 'liked'],
  properties: { likes: { type: 'integer', minimum: 0 }, liked: { type: 'boolean' } },
};
const REFUSALS = {
  400: { description: 'visitor_required' },
  403: { description: 'origin_not_allowed' },
  404: { description: 'Unknown or withdrawn item' },
  429: { description: 'rate_limited (Retry-After)' },
};

function toggle(deps: InteractionDeps, like: boolean) {
  return async (ctx: Context) => {
    const visitor = requireVisitor(ctx);
    const item = await loadLikeableItem(itemIdParam(ctx));
    await limitAction('like', visitor.hash, await hashRequestAddress(ctx, deps));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = like ? await likeItem(item, visitor.hash) : await unlikeItem(item, visitor.hash);
  };
}

/** The like routes. */
export function likeRoutes(deps: InteractionDeps): RouteGroup {
  const tag = 'interaction';
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: '/api/v1/items/:id/likes',
        tag,
        summary: 'Like an item (once per visitor; idempotent)',
        headers: VISITOR_HEADER_DOC,
        responses: { 200: { description: 'Exact like count', schema: REACTIONS }, ...REFUSALS },
      },
      toggle(deps, true),
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/items/:id/likes',
        tag,
        summary: "Take one's like back (idempotent)",
        headers: VISITOR_HEADER_DOC,
        responses: { 200: { description: 'Exact like count', schema: REACTIONS }, ...REFUSALS },
      },
      toggle(deps, false),
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/items/:id/reactions',
        tag,
        summary: 'Like count, and whether this visitor likes the item',
        headers: { [VISITOR_HEADER]: { description: 'Random visitor key (optional)' } },
        responses: {
          200: { description: 'Reactions', schema: REACTIONS },
          404: { description: 'Unknown or withdrawn item' },
        },
      },
      async (ctx) => {
        const item = await loadLikeableItem(itemIdParam(ctx));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await readReactions(item._id, readVisitor(ctx)?.hash);
      },
    );
}
