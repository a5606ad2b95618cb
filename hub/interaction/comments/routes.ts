/** The public comment routes: thread, new comment, more replies, author edit and delete. */
import type { Context } from 'koa';
import type { CommentEditInput, CommentInput } from '../../../schemas/index.js';
import { HttpError, notFound, readBody, RouteGroup } from '../../http/index.js';
import type { InteractionDeps } from '../deps.js';
import { requestMayWrite } from '../cors-policy.js';
import { itemIdParam, loadCommentableItem, loadPublishedItem } from '../item-context.js';
import { queryInteger, queryString } from '../query.js';
import { hashRequestAddress, limitOne, RATE_RULES } from '../rate-rules.js';
import { checkFormToken, issueFormToken, ITEM_FORMS } from '../form-tokens/form-tokens.js';
import { readVisitor, requireVisitor, VISITOR_HEADER, VISITOR_HEADER_DOC } from '../visitor.js';
import {
  commentIdParam,
  deleteOwnComment,
  editComment,
  EDIT_TOKEN_HEADER,
  loadEditableComment,
} from './author-edit.js';
import { CommentModel, type CommentDoc } from './comment-model.js';
import { createComment } from './create-comment.js';
import { moderationMode } from './decide-status.js';
import { listReplies, listThread } from './list-comments.js';
import { toPublicComment } from './view.js';

const PAGE = {
  type: 'object',
  required: ['total', 'comments', 'nextCursor'],
  properties: {
    total: { type: 'integer' },
    comments: { type: 'array', items: { $ref: 'Comment' } },
    nextCursor: { type: ['string', 'null'] },
  },
};
const THREAD = {
  ...PAGE,
  required: [...PAGE.required, 'formToken', 'moderation'],
  properties: {
    ...PAGE.properties,
    formToken: {
      type: ['string', 'null'],
      description: `Token of the comment form, bound to the ${VISITOR_HEADER} key sent with this request and good for one comment (3 s to 2 h after this answer); null without that header`,
    },
    moderation: { type: 'string', enum: ['pre', 'post', 'first-time'] },
    writable: {
      type: 'boolean',
      description:
        "Whether the calling page's Origin may like and comment (the hub's own origin or one of the partner's allowedOrigins)",
    },
  },
};
const CREATED = {
  type: 'object',
  required: ['comment', 'editToken', 'editableUntil'],
  properties: {
    comment: { $ref: 'Comment' },
    editToken: { type: 'string' },
    editableUntil: { type: 'string', format: 'date-time' },
  },
};
const EDIT_HEADER_DOC = {
  [EDIT_TOKEN_HEADER]: { description: 'The editToken returned when the comment was posted', required: true },
};
const PAGING = {
  cursor: { description: 'nextCursor of the previous page' },
  limit: { description: '1 to 50 (default 20)', schema: { type: 'integer', minimum: 1, maximum: 50 } },
};

/** A bot filled the hidden field: refused like any bad form, nothing stored. */
function refuseHoneypot(body: unknown): void {
  const website = (body as { website?: unknown } | null)?.website;
  if (typeof website === 'string' && website.trim() !== '') {
    throw new HttpError(400, 'honeypot', 'Requête invalide', { detail: "le formulaire n'a pas pu être accepté" });
  }
}

async function postComment(ctx: Context, deps: InteractionDeps): Promise<void> {
  const visitor = requireVisitor(ctx);
  const target = await loadCommentableItem(itemIdParam(ctx));
  refuseHoneypot(ctx.request.body);
  const input = readBody<CommentInput>(ctx, 'CommentInput');
  const formToken = await checkFormToken({
    token: input.formToken,
    purpose: ITEM_FORMS,
    subject: target.item._id,
    visitor,
  });
  const { doc, editToken } = await createComment({
    target,
    input,
    visitorHash: visitor.hash,
    addressHash: await hashRequestAddress(ctx, deps),
    formToken,
  });
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { comment: toPublicComment(doc, true), editToken, editableUntil: doc.editableUntil?.toISOString() };
}

async function getThread(ctx: Context, deps: InteractionDeps): Promise<void> {
  const { item, partner } = await loadPublishedItem(itemIdParam(ctx));
  const page = await listThread(item._id, queryString(ctx, 'cursor'), queryInteger(ctx, 'limit', 20, 1, 50));
  const visitor = readVisitor(ctx);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    ...page,
    // Bound to the visitor key sent with this GET: without one, there is nothing to bind it to.
    formToken: visitor ? await issueFormToken({ purpose: ITEM_FORMS, subject: item._id, visitor }) : null,
    moderation: moderationMode(partner),
    writable: requestMayWrite(ctx, partner, deps.config.publicUrl),
  };
}

async function getReplies(ctx: Context): Promise<void> {
  const id = commentIdParam(ctx);
  const parent = await CommentModel.findById(id, { status: 1, parentId: 1 }).lean<
    Pick<CommentDoc, 'status' | 'parentId'>
  >();
  if (!parent || parent.parentId || (parent.status !== 'published' && parent.status !== 'deleted'))
    throw notFound(`le commentaire ${id}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await listReplies(id, queryString(ctx, 'cursor'), queryInteger(ctx, 'limit', 20, 1, 50));
}

async function patchComment(ctx: Context): Promise<void> {
  const doc = await loadEditableComment(ctx);
  const input = readBody<CommentEditInput>(ctx, 'CommentEditInput');
  await limitOne(RATE_RULES.editComment, doc._id);
  const updated = await editComment(doc, input.body);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { comment: toPublicComment(updated, true), editableUntil: updated.editableUntil?.toISOString() };
}

/** The public comment routes. */
export function commentRoutes(deps: InteractionDeps): RouteGroup {
  const tag = 'interaction';
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/items/:id/comments',
        tag,
        summary: 'Thread of an item: top-level comments oldest first (20 a page), each with its first replies',
        query: PAGING,
        headers: {
          [VISITOR_HEADER]: {
            description: 'Random visitor key: the form token is issued for it (without it, formToken is null)',
          },
        },
        responses: {
          200: { description: 'Thread, form token and moderation mode', schema: THREAD },
          400: { description: 'Bad cursor or limit' },
          404: { description: 'Unknown or withdrawn item' },
        },
      },
      (ctx) => getThread(ctx, deps),
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/items/:id/comments',
        tag,
        summary: 'Post a comment or a reply (plain text)',
        headers: VISITOR_HEADER_DOC,
        body: 'CommentInput',
        responses: {
          201: { description: 'Stored: published, or pending moderation', schema: CREATED },
          400: { description: 'visitor_required, invalid_input, honeypot, form_token_invalid' },
          403: {
            description: 'comments_closed, origin_not_allowed, form_token_foreign (asked with another visitor key)',
          },
          404: { description: 'Unknown item' },
          409: { description: 'duplicate_comment, form_token_used (a token is good for one comment)' },
          422: { description: 'too_fast, form_token_expired' },
          429: { description: 'rate_limited (Retry-After)' },
        },
      },
      (ctx) => postComment(ctx, deps),
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/comments/:id/replies',
        tag,
        summary: 'More replies of a top-level comment, oldest first',
        query: PAGING,
        responses: { 200: { description: 'Replies', schema: PAGE }, 404: { description: 'Unknown or not visible' } },
      },
      getReplies,
    )
    .add(
      {
        method: 'patch',
        path: '/api/v1/comments/:id',
        tag,
        summary: "Edit one's comment within 15 minutes",
        headers: EDIT_HEADER_DOC,
        body: 'CommentEditInput',
        responses: {
          200: {
            description: 'Edited (may go back to moderation)',
            schema: { type: 'object', properties: { comment: { $ref: 'Comment' }, editableUntil: { type: 'string' } } },
          },
          400: { description: 'invalid_input' },
          403: { description: 'edit_token_invalid, edit_window_closed, origin_not_allowed' },
          404: { description: 'Unknown' },
        },
      },
      patchComment,
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/comments/:id',
        tag,
        summary: "Delete one's comment within 15 minutes (a placeholder stays when it has replies)",
        headers: EDIT_HEADER_DOC,
        responses: {
          204: { description: 'Deleted' },
          403: { description: 'edit_token_invalid, edit_window_closed, origin_not_allowed' },
          404: { description: 'Unknown' },
        },
      },
      async (ctx) => {
        await deleteOwnComment(await loadEditableComment(ctx));
        ctx.status = 204;
      },
    );
}
