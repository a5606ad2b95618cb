/**
 * Status changes made by moderators (and by flags), each logged and followed by a stats
 * sync when the comment enters or leaves the published state. The update is conditional
 * on the status that was read: of two moderators acting at once, the second is told the
 * comment changed. (On FerretDB 1.24 that condition is not isolated; the counts stay
 * exact anyway because they are recounted from the records, see stats/.)
 */
import type { ModerationAction } from '../../../schemas/index.js';
import { Conflict } from '../../domain-errors.js';
import { now } from '../clock.js';
import { CommentModel, type CommentDoc, type CommentStatus } from '../comments/comment-model.js';
import { syncItemStats } from '../stats/sync-item-stats.js';
import { ModerationLogModel } from './log-model.js';

/** Who acts: a bearer token, or the system. */
export interface Actor {
  tokenId: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { tokenId: 'system', name: 'Signalements des visiteurs' };

type Action = ModerationAction | 'auto-hide';

/** The status each action leads to, and the statuses it may start from (wishes follow the same rules). */
export const MODERATION_TARGET: Record<Action, CommentStatus> = {
  approve: 'published',
  reject: 'rejected',
  hide: 'hidden',
  'auto-hide': 'hidden',
};
export const MODERATION_FROM: Record<Action, CommentStatus[]> = {
  approve: ['pending', 'rejected', 'hidden'],
  reject: ['pending', 'published', 'hidden'],
  hide: ['pending', 'published'],
  'auto-hide': ['published'],
};

function changesFor(
  action: Action,
  comment: CommentDoc,
  at: Date,
): { $set: Record<string, unknown>; $unset: Record<string, 1> } {
  const $set: Record<string, unknown> = { status: MODERATION_TARGET[action] };
  const $unset: Record<string, 1> = {};
  if (action === 'approve') {
    $set.approvedAt = at;
    if (comment.hiddenReason === 'flags') $set.flagsClearedAt = at;
    $unset.hiddenReason = 1;
  } else if (action === 'reject') {
    $unset.hiddenReason = 1;
  } else {
    $set.hiddenReason = action === 'auto-hide' ? 'flags' : 'moderator';
  }
  return { $set, $unset };
}

export interface TransitionResult {
  from: CommentStatus;
  to: CommentStatus;
  comment: CommentDoc;
}

/** Applies an action to a comment; 409 invalid_transition or comment_changed when it cannot. */
export async function moderateComment(
  comment: CommentDoc,
  action: Action,
  actor: Actor,
  reason?: string,
): Promise<TransitionResult> {
  const from = comment.status;
  const to = MODERATION_TARGET[action];
  if (!MODERATION_FROM[action].includes(from))
    throw new Conflict('invalid_transition', `action ${action} impossible sur un commentaire ${from}`);
  const at = now();
  const { $set, $unset } = changesFor(action, comment, at);
  const updated = await CommentModel.findOneAndUpdate(
    { _id: comment._id, status: from },
    Object.keys($unset).length ? { $set, $unset } : { $set },
    { new: true },
  ).lean<CommentDoc>();
  if (!updated) throw new Conflict('comment_changed', 'le commentaire vient de changer : rechargez la liste');
  await ModerationLogModel.create({
    at,
    partnerId: comment.partnerId,
    itemId: comment.itemId,
    commentId: comment._id,
    action,
    from,
    to,
    ...(reason ? { reason } : {}),
    by: { tokenId: actor.tokenId, name: actor.name },
  });
  if (from === 'published' || to === 'published') await syncItemStats(comment.itemId);
  return { from, to, comment: updated };
}
