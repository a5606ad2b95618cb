/** /api/v1/admin/comments… and /api/v1/admin/moderation-log (bearer; partner roles see their partner only). */
import type { Context } from 'koa';
import type { BulkModerationInput, ModerationInput, MuteInput, OfficialReplyInput } from '../../../schemas/index.js';
import { audited } from '../../audit/index.js';
import { getPrincipal, requireRole } from '../../auth/index.js';
import { readBody, RouteGroup, toHttpError } from '../../http/index.js';
import { commentIdParam } from '../comments/author-edit.js';
import { toPublicComment } from '../comments/view.js';
import { ADMIN_COMMENT_SCHEMA, toAdminComments } from './admin-view.js';
import { listCommentsForModeration, listModerationLog } from './admin-queries.js';
import { moderateAs, moderateManyAs, muteAuthorAs, replyAs, snapshotComment } from './operations.js';

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
    action: { type: 'string', enum: ['approve', 'reject', 'hide', 'auto-hide', 'official-reply', 'mute'] },
    from: { type: ['string', 'null'] },
    to: { type: 'string' },
    reason: { type: 'string' },
    until: { type: 'string', description: 'For a mute: when it ends' },
    by: { type: 'object', properties: { tokenId: { type: 'string' }, name: { type: 'string' } } },
  },
};

async function moderateBulk(ctx: Context, input: BulkModerationInput): Promise<unknown[]> {
  const results = await moderateManyAs(getPrincipal(ctx), input.ids, input.action, input.reason);
  return results.map((r) => {
    if (r.ok) return r;
    const err = toHttpError(r.error);
    if (!err) throw r.error;
    return { id: r.id, ok: false, status: err.status, code: err.code, detail: err.detail };
  });
}

/** Moderation actions journalled: before and after status of each comment acted on. */
const auditModeration = (ctx: Context) => {
  const reason = (ctx.request.body as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string') ctx.state.auditNote = reason;
};

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
      audited({
        action: 'comment.moderate',
        target: 'comment',
        snapshot: snapshotComment,
        ids: (ctx) => {
          const ids = (ctx.request.body as { ids?: unknown } | undefined)?.ids;
          return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, 100) : [];
        },
      }),
      async (ctx) => {
        const input = readBody<BulkModerationInput>(ctx, 'BulkModerationInput');
        auditModeration(ctx);
        ctx.body = { results: await moderateBulk(ctx, input) };
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
      audited({ action: 'comment.moderate', target: 'comment', snapshot: snapshotComment }),
      async (ctx) => {
        const input = readBody<ModerationInput>(ctx, 'ModerationInput');
        auditModeration(ctx);
        const { from, to, comment } = await moderateAs(
          getPrincipal(ctx),
          commentIdParam(ctx),
          input.action,
          input.reason,
        );
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
      audited({ action: 'comment.reply', target: 'comment', snapshot: snapshotComment }),
      async (ctx) => {
        const { body } = readBody<OfficialReplyInput>(ctx, 'OfficialReplyInput');
        const reply = await replyAs(getPrincipal(ctx), commentIdParam(ctx), body);
        ctx.state.auditTargets = [reply._id];
        ctx.status = 201;
        ctx.body = { comment: toPublicComment(reply) };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/comments/:id/mute',
        tag,
        auth,
        summary: "Mute the comment's author (their visitor key) on this partner's items for a while; logged",
        body: 'MuteInput',
        responses: {
          200: {
            description: 'Muted until',
            schema: { type: 'object', properties: { until: { type: 'string' }, partnerId: { type: 'string' } } },
          },
          400: { description: 'Invalid duration, or an official reply (no visitor)' },
          403: { description: 'Another partner' },
          404: { description: 'Unknown' },
        },
      },
      MODERATORS,
      audited({ action: 'visitor.mute', target: 'comment', snapshot: snapshotComment, always: true }),
      async (ctx) => {
        const input = readBody<MuteInput>(ctx, 'MuteInput');
        const mute = await muteAuthorAs(getPrincipal(ctx), commentIdParam(ctx), input.hours, input.reason);
        ctx.state.auditNote = `jusqu'au ${mute.until.toISOString()}${input.reason ? ` — ${input.reason}` : ''}`;
        ctx.body = { until: mute.until.toISOString(), partnerId: mute.partnerId };
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
