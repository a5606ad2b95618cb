/**
 * Reports of comments. A comment reported by 3 distinct visitors (since its last review)
 * is hidden until a moderator looks at it; official replies are never hidden that way.
 */
import type { FlagReason } from '../../../schemas/index.js';
import { isDuplicateKey } from '../../db/index.js';
import { Conflict } from '../../domain-errors.js';
import { now } from '../clock.js';
import type { CommentDoc } from '../comments/comment-model.js';
import { moderateComment, SYSTEM_ACTOR } from '../moderation/transition.js';
import { FlagModel } from './flag-model.js';

/** Distinct reporters that hide a comment until reviewed. */
export const FLAGS_TO_HIDE = 3;

async function hideIfFlaggedEnough(comment: CommentDoc): Promise<void> {
  if (comment.status !== 'published' || comment.official) return;
  const since = comment.flagsClearedAt ?? new Date(0);
  const flags = await FlagModel.countDocuments({ commentId: comment._id, createdAt: { $gt: since } });
  if (flags < FLAGS_TO_HIDE) return;
  // Several reporters may cross the threshold at once: the transition is conditional on
  // the status, and a lost race is simply nothing left to do.
  await moderateComment(comment, 'auto-hide', SYSTEM_ACTOR, `${flags} signalements`).catch(() => undefined);
}

/** Records the visitor's report; 409 already_flagged the second time. */
export async function flagComment(comment: CommentDoc, visitorHash: string, reason: FlagReason): Promise<void> {
  try {
    await FlagModel.create({
      commentId: comment._id,
      itemId: comment.itemId,
      partnerId: comment.partnerId,
      visitor: visitorHash,
      reason,
      createdAt: now(),
    });
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('already_flagged', 'vous avez déjà signalé ce commentaire');
    throw err;
  }
  await hideIfFlaggedEnough(comment);
}
