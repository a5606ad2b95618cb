/** /api/v1/admin/comments… and /api/v1/admin/moderation-log (bearer; partner roles see their partner only). */
import type { Context } from 'koa';
import type { BulkModerationInput, ModerationInput, OfficialReplyInput } from '../../../schemas/index.js';
import { assertPartnerAccess, getPrincipal, requireRole } from '../../auth/index.js';
import { notFound, readBody, RouteGroup, toHttpError } from '../../http/index.js';
import { commentIdParam } from '../comments/author-edit.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { toPublicComment } from '../comments/view.js';
import { ADMIN_COMMENT_SCHEMA, toAdminComments } from './admin-view.js';
import { listCommentsForModeration, listModerationLog } from './admin-queries.js';
import { postOfficialReply } from './official-reply.js';
import { moderateComment, type TransitionResult } from './transition.js';

const auth = 'bearer' as const;
const tag = 'admin';
const MODERATORS = requireRole('platform-admin', 'partner-admin', 'moderator');
const PAGED = (key: string, items: Record<string, unknown>) => ({
  type: 'object',
  properties: {
    total: { type: 'integer' },
    page: { type: 'integer' },
    limit: { type: 'integer' },
    [key]: { type: 'array', items },
  },
});
const LOG_ENTRY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: { type: 'string' },
    partnerId: { type: 'string' },
    itemId: { type: 'string' },
    commentId: { type: 'string' },
    action: { type: 'string', enum: ['approve', 'reject', 'hide', 'auto-hide', 'official-reply'] },
    from: { type: ['string', 'null'] },
    to: { type: 'string' },
    reason: { type: 'string' },
    by: { type: 'object', properties: { tokenId: { type: 'string' }, name: { type: 'string' } } },
  },
};

/** A comment the token may moderate: 404 when unknown, 403 when another partner's. */
async function loadModeratedComment(ctx: Context, id: string): Promise<CommentDoc> {
  const doc = await CommentModel.findById(id).lean<CommentDoc>();
  if (!doc || doc.status === 'deleted') throw notFound(`le commentaire ${id}`);
  assertPartnerAccess(getPrincipal(ctx), doc.partnerId, ['partner-admin', 'moderator']);
  return doc;
}

async function moderateOne(ctx: Context, id: string, input: ModerationInput): Promise<TransitionResult> {
  const doc = await loadModeratedComment(ctx, id);
  const { tokenId, name } = getPrincipal(ctx);
  return moderateComment(doc, input.action, { tokenId, name }, input.reason);
}

async function moderateBulk(ctx: Context, input: BulkModerationInput): Promise<unknown[]> {
  const results = [];
  for (const id of input.ids) {
    try {
      const { from, to } = await moderateOne(ctx, id, input);
      results.push({ id, ok: true, from, to });
    } catch (thrown) {
      const err = toHttpError(thrown);
      if (!err) throw thrown;
      results.push({ id, ok: false, status: err.status, code: err.code, detail: err.detail });
    }
  }
  return results;
}

/** The moderation routes. */
export function moderationRoutes(): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/comments',
        tag,
        auth,
        summary: 'Comments to moderate (newest first, 50 a page)',
        query: {
          status: {
            description: 'review (default: pending, and hidden by 3 flags), pending, published, rejected or hidden',
          },
          partner: { description: 'Partner id (platform admins)' },
          item: { description: 'Item id' },
          page: { description: 'From 1' },
          limit: { description: '1 to 100 (default 50)' },
        },
        responses: {
          200: { description: 'Comments', schema: PAGED('comments', ADMIN_COMMENT_SCHEMA) },
          403: { description: 'Another partner' },
        },
      },
      MODERATORS,
      async (ctx) => {
        ctx.body = await listCommentsForModeration(ctx);
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/comments/moderation',
        tag,
        auth,
        summary: 'One action on several comments; each result reported',
        body: 'BulkModerationInput',
        responses: {
          200: {
            description: 'Per-comment results',
            schema: { type: 'object', properties: { results: { type: 'array', items: { type: 'object' } } } },
          },
          400: { description: 'Invalid input' },
        },
      },
      MODERATORS,
      async (ctx) => {
        ctx.body = { results: await moderateBulk(ctx, readBody<BulkModerationInput>(ctx, 'BulkModerationInput')) };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/comments/:id/moderation',
        tag,
        auth,
        summary: 'Approve, reject or hide a comment (logged)',
        body: 'ModerationInput',
        responses: {
          200: {
            description: 'Done',
            schema: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                from: { type: 'string' },
                to: { type: 'string' },
                comment: ADMIN_COMMENT_SCHEMA,
              },
            },
          },
          403: { description: 'Another partner' },
          404: { description: 'Unknown' },
          409: { description: 'invalid_transition, comment_changed' },
        },
      },
      MODERATORS,
      async (ctx) => {
        const input = readBody<ModerationInput>(ctx, 'ModerationInput');
        const { from, to, comment } = await moderateOne(ctx, commentIdParam(ctx), input);
        ctx.body = { id: comment._id, from, to, comment: (await toAdminComments([comment]))[0] };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/comments/:id/replies',
        tag,
        auth,
        summary: "Official reply of the item's partner, published at once",
        body: 'OfficialReplyInput',
        responses: {
          201: { description: 'Published', schema: { type: 'object', properties: { comment: { $ref: 'Comment' } } } },
          400: { description: 'Invalid input or comment not visible' },
          403: { description: "Not this partner's admin or moderator" },
          404: { description: 'Unknown' },
        },
      },
      requireRole('partner-admin', 'moderator'),
      async (ctx) => {
        const target = await loadModeratedComment(ctx, commentIdParam(ctx));
        const reply = await postOfficialReply(
          target,
          getPrincipal(ctx),
          readBody<OfficialReplyInput>(ctx, 'OfficialReplyInput').body,
        );
        ctx.status = 201;
        ctx.body = { comment: toPublicComment(reply) };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/moderation-log',
        tag,
        auth,
        summary: 'Who did what to which comment, and why (newest first)',
        query: {
          partner: { description: 'Partner id (platform admins)' },
          comment: { description: 'Comment id' },
          page: { description: 'From 1' },
          limit: { description: '1 to 100 (default 50)' },
        },
        responses: {
          200: { description: 'Entries', schema: PAGED('entries', LOG_ENTRY) },
          403: { description: 'Another partner' },
        },
      },
      MODERATORS,
      async (ctx) => {
        ctx.body = await listModerationLog(ctx);
      },
    );
}
