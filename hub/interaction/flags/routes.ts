/** POST /api/v1/comments/:id/flags */
import type { FlagInput } from '../../../schemas/index.js';
import { notFound, readBody, RouteGroup } from '../../http/index.js';
import { commentIdParam } from '../comments/author-edit.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import type { InteractionDeps } from '../deps.js';
import { hashRequestAddress, limitAction } from '../rate-rules.js';
import { requireVisitor, VISITOR_HEADER_DOC } from '../visitor.js';
import { flagComment } from './flags.js';

/** The flag route. */
export function flagRoutes(deps: InteractionDeps): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'post',
      path: '/api/v1/comments/:id/flags',
      tag: 'interaction',
      summary: 'Report a comment (once per visitor); 3 reports hide it until reviewed',
      headers: VISITOR_HEADER_DOC,
      body: 'FlagInput',
      responses: {
        201: {
          description: 'Recorded',
          schema: { type: 'object', required: ['flagged'], properties: { flagged: { type: 'boolean', const: true } } },
        },
        400: { description: 'visitor_required, invalid_input' },
        403: { description: 'origin_not_allowed' },
        404: { description: 'Unknown or not visible comment' },
        409: { description: 'already_flagged' },
        429: { description: 'rate_limited (Retry-After)' },
      },
    },
    async (ctx) => {
      const visitor = requireVisitor(ctx);
      const id = commentIdParam(ctx);
      const comment = await CommentModel.findById(id).lean<CommentDoc>();
      if (!comment || comment.status !== 'published') throw notFound(`le commentaire ${id}`);
      const { reason } = readBody<FlagInput>(ctx, 'FlagInput');
      await limitAction('flag', visitor.hash, await hashRequestAddress(ctx, deps));
      await flagComment(comment, visitor.hash, reason);
      ctx.status = 201;
      ctx.body = { flagged: true };
    },
  );
}
