/** The admin listings: comments by status, and the moderation log, scoped to a partner. */
import type { Context } from 'koa';
import { assertPartnerAccess, getPrincipal, scopedPartnerId } from '../../auth/index.js';
import { invalidInput } from '../../http/index.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { queryInteger, queryString } from '../query.js';
import { toAdminComments, type AdminComment } from './admin-view.js';
import { ModerationLogModel, type ModerationLogDoc } from './log-model.js';

/** `review` (the default) is the moderators' queue: pending comments and those hidden by flags. */
const STATUSES = ['review', 'pending', 'published', 'rejected', 'hidden'];
const REVIEW = { $or: [{ status: 'pending' }, { status: 'hidden', hiddenReason: 'flags' }] };
const PAGE_SIZE = 50;

/** The partner a listing is limited to: the token's own for partner roles (403 for another). */
function partnerFilter(ctx: Context): Record<string, string> {
  const principal = getPrincipal(ctx);
  const asked = queryString(ctx, 'partner');
  if (asked) assertPartnerAccess(principal, asked, ['partner-admin', 'moderator']);
  const partnerId = asked ?? scopedPartnerId(principal);
  return partnerId ? { partnerId } : {};
}

function paging(ctx: Context): { page: number; limit: number; skip: number } {
  const page = queryInteger(ctx, 'page', 1, 1, 10_000);
  const limit = queryInteger(ctx, 'limit', PAGE_SIZE, 1, 100);
  return { page, limit, skip: (page - 1) * limit };
}

/** GET /api/v1/admin/comments: newest first. */
export async function listCommentsForModeration(
  ctx: Context,
): Promise<{ total: number; page: number; limit: number; comments: AdminComment[] }> {
  const status = queryString(ctx, 'status') ?? 'review';
  if (!STATUSES.includes(status))
    throw invalidInput([{ field: 'status', message: `doit être l'une des valeurs : ${STATUSES.join(', ')}` }]);
  const item = queryString(ctx, 'item');
  const filter = {
    ...(status === 'review' ? REVIEW : { status }),
    ...partnerFilter(ctx),
    ...(item ? { itemId: item } : {}),
  };
  const { page, limit, skip } = paging(ctx);
  const [docs, total] = await Promise.all([
    CommentModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean<CommentDoc[]>(),
    CommentModel.countDocuments(filter),
  ]);
  return { total, page, limit, comments: await toAdminComments(docs) };
}

/** GET /api/v1/admin/moderation-log: newest first. */
export async function listModerationLog(
  ctx: Context,
): Promise<{ total: number; page: number; limit: number; entries: unknown[] }> {
  const comment = queryString(ctx, 'comment');
  const filter = { ...partnerFilter(ctx), ...(comment ? { commentId: comment } : {}) };
  const { page, limit, skip } = paging(ctx);
  const [docs, total] = await Promise.all([
    ModerationLogModel.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<(ModerationLogDoc & { _id: unknown })[]>(),
    ModerationLogModel.countDocuments(filter),
  ]);
  const entries = docs.map(({ _id, at, ...rest }) => ({ id: String(_id), at: at.toISOString(), ...rest }));
  return { total, page, limit, entries };
}
