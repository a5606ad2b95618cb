/** The admin listings: comments by status, and the moderation log, scoped to a partner. */
import type { Context } from 'koa';
import { assertPartnerAccess, getPrincipal, scopedPartnerId } from '../../auth/index.js';
import { invalidInput } from '../../http/index.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { queryInteger, queryString } from '../query.js';
import { toAdminComments, type AdminComment } from './admin-view.js';
import { ModerationLogModel, type ModerationLogDoc } from './log-model.js';

/** `review` (the default) is the moderators' queue: pending comments and those hidden by flags. */
export const QUEUE_STATUSES = ['review', 'pending', 'published', 'rejected', 'hidden'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
const REVIEW = { $or: [{ status: 'pending' }, { status: 'hidden', hiddenReason: 'flags' }] };
const PAGE_SIZE = 50;

export interface QueueQuery {
  /** Undefined: every partner (platform admins). */
  partnerId?: string;
  status?: QueueStatus;
  itemId?: string;
  page?: number;
  limit?: number;
}

export interface Page {
  total: number;
  page: number;
  limit: number;
}

/** Comments to moderate, newest first. */
export async function queryModerationQueue(q: QueueQuery): Promise<Page & { comments: AdminComment[] }> {
  const page = q.page ?? 1;
  const limit = q.limit ?? PAGE_SIZE;
  const status = q.status ?? 'review';
  const filter = {
    ...(status === 'review' ? REVIEW : { status }),
    ...(q.partnerId ? { partnerId: q.partnerId } : {}),
    ...(q.itemId ? { itemId: q.itemId } : {}),
  };
  const [docs, total] = await Promise.all([
    CommentModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .lean<CommentDoc[]>(),
    CommentModel.countDocuments(filter),
  ]);
  return { total, page, limit, comments: await toAdminComments(docs) };
}

/** How many comments await review, per partner (all partners, or those given). */
export async function countAwaitingReview(partnerId?: string): Promise<Map<string, number>> {
  const rows = await CommentModel.aggregate<{ _id: string; n: number }>([
    { $match: { ...REVIEW, ...(partnerId ? { partnerId } : {}) } },
    { $group: { _id: '$partnerId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}

export interface LogEntry {
  id: string;
  at: string;
  partnerId: string;
  itemId: string;
  commentId: string;
  action: string;
  from: string | null;
  to: string;
  reason?: string;
  until?: string;
  by: { tokenId: string; name: string };
}

/** The moderation log, newest first. */
export async function queryModerationLog(q: {
  partnerId?: string;
  commentId?: string;
  page?: number;
  limit?: number;
}): Promise<Page & { entries: LogEntry[] }> {
  const page = q.page ?? 1;
  const limit = q.limit ?? PAGE_SIZE;
  const filter = {
    ...(q.partnerId ? { partnerId: q.partnerId } : {}),
    ...(q.commentId ? { commentId: q.commentId } : {}),
  };
  const [docs, total] = await Promise.all([
    ModerationLogModel.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .lean<(ModerationLogDoc & { _id: unknown })[]>(),
    ModerationLogModel.countDocuments(filter),
  ]);
  const entries = docs.map(({ _id, at, until, ...rest }) => ({
    id: String(_id),
    at: at.toISOString(),
    ...rest,
    ...(until ? { until: until.toISOString() } : {}),
  }));
  return { total, page, limit, entries };
}

/** The partner a listing is limited to: the token's own for partner roles (403 for another). */
function partnerFilter(ctx: Context): string | undefined {
  const principal = getPrincipal(ctx);
  const asked = queryString(ctx, 'partner');
  // Moderators read comments too: their own partner's (harden-b: comments and nothing else).
  if (asked) assertPartnerAccess(principal, asked, ['partner-admin', 'moderator']);
  return asked ?? scopedPartnerId(principal);
}

function paging(ctx: Context): { page: number; limit: number } {
  return { page: queryInteger(ctx, 'page', 1, 1, 10_000), limit: queryInteger(ctx, 'limit', PAGE_SIZE, 1, 100) };
}

/** GET /api/v1/admin/comments: newest first. */
export async function listCommentsForModeration(ctx: Context) {
  const status = queryString(ctx, 'status') ?? 'review';
  if (!(QUEUE_STATUSES as readonly string[]).includes(status))
    throw invalidInput([{ field: 'status', message: `doit être l'une des valeurs : ${QUEUE_STATUSES.join(', ')}` }]);
  const partnerId = partnerFilter(ctx);
  const itemId = queryString(ctx, 'item');
  return queryModerationQueue({
    ...(partnerId ? { partnerId } : {}),
    ...(itemId ? { itemId } : {}),
    status: status as QueueStatus,
    ...paging(ctx),
  });
}

/** GET /api/v1/admin/moderation-log: newest first. */
export async function listModerationLog(ctx: Context) {
  const partnerId = partnerFilter(ctx);
  const commentId = queryString(ctx, 'comment');
  return queryModerationLog({
    ...(partnerId ? { partnerId } : {}),
    ...(commentId ? { commentId } : {}),
    ...paging(ctx),
  });
}
