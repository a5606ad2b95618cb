/** Threads for the public: top-level comments oldest first, each with its first replies. */
import type { Comment } from '../../../schemas/index.js';
import { CommentModel, type CommentDoc } from './comment-model.js';
import { afterCursor, encodeCursor } from './cursor.js';
import { toPublicComment } from './view.js';

/** Replies shown under each top-level comment before "more replies". */
export const FIRST_REPLIES = 3;

export interface CommentPage {
  total: number;
  comments: Comment[];
  nextCursor: string | null;
}

async function findPage(
  filter: Record<string, unknown>,
  limit: number,
): Promise<{ docs: CommentDoc[]; nextCursor: string | null }> {
  const docs = await CommentModel.find(filter)
    .sort({ createdAt: 1, _id: 1 })
    .limit(limit + 1)
    .lean<CommentDoc[]>();
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { docs: page, nextCursor: docs.length > limit && last ? encodeCursor(last) : null };
}

/** Published replies of a top-level comment, oldest first. */
export async function listReplies(parentId: string, cursor: string | undefined, limit: number): Promise<CommentPage> {
  const visible = { parentId, status: 'published' };
  const [{ docs, nextCursor }, total] = await Promise.all([
    findPage({ ...visible, ...afterCursor(cursor) }, limit),
    CommentModel.countDocuments(visible),
  ]);
  return { total, comments: docs.map((d) => toPublicComment(d)), nextCursor };
}

async function withFirstReplies(doc: CommentDoc): Promise<Comment> {
  const replies = await listReplies(doc._id, undefined, FIRST_REPLIES);
  return {
    ...toPublicComment(doc),
    replies: replies.comments,
    repliesTotal: replies.total,
    repliesNextCursor: replies.nextCursor,
  };
}

/**
 * One page of an item's thread. `total` counts every published comment of the item,
 * replies included (what "12 commentaires" shows). A deleted comment stays as an empty
 * placeholder while it has visible replies.
 */
export async function listThread(itemId: string, cursor: string | undefined, limit: number): Promise<CommentPage> {
  const filter = { itemId, parentId: null, status: { $in: ['published', 'deleted'] }, ...afterCursor(cursor) };
  const [{ docs, nextCursor }, total] = await Promise.all([
    findPage(filter, limit),
    CommentModel.countDocuments({ itemId, status: 'published' }),
  ]);
  const comments = (await Promise.all(docs.map(withFirstReplies))).filter(
    (c) => !c.deleted || (c.repliesTotal ?? 0) > 0,
  );
  return { total, comments, nextCursor };
}
