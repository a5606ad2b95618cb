/**
 * Reports of comments. A comment whose reports (since its last review) weigh 3 — three
 * visitors with a history, or more with fresh keys among them (flag-weight.ts) — is hidden
 * until a moderator looks at it; official replies are never hidden that way.
 */
import type { FlagReason } from '../../../schemas/index.js';
import { isDuplicateKey } from '../../db/index.js';
import { Conflict } from '../../domain-errors.js';
import { now } from '../clock.js';
import type { CommentDoc } from '../comments/comment-model.js';
import { moderateComment, SYSTEM_ACTOR } from '../moderation/transition.js';
import { FlagModel, type FlagDoc } from './flag-model.js';
import { sumFlagWeights, weighFlag } from './flag-weight.js';

/** The weight of reports that hides a comment until reviewed: 3 reporters with a history. */
export const FLAGS_TO_HIDE = 3;

async function hideIfFlaggedEnough(comment: CommentDoc): Promise<void> {
  if (comment.status !== 'published' || comment.official) return;
  const since = comment.flagsClearedAt ?? new Date(0);
  const flags = await FlagModel.find({ commentId: comment._id, createdAt: { $gt: since } }, { weight: 1 }).lean<
    Pick<FlagDoc, 'weight'>[]
  >();
  const weight = sumFlagWeights(flags.map((f) => f.weight));
  if (weight < FLAGS_TO_HIDE) return;
  // Several reporters may cross the threshold at once: the transition is conditional on
  // the status, and a lost race is simply nothing left to do.
  await moderateComment(comment, 'auto-hide', SYSTEM_ACTOR, `${flags.length} signalements (poids ${weight})`).catch(
    () => undefined,
  );
}

/** Records the visitor's report; 409 already_flagged the second time. */
export async function flagComment(comment: CommentDoc, visitorHash: string, reason: FlagReason): Promise<void> {
  const at = now();
  try {
    await FlagModel.create({
      commentId: comment._id,
      itemId: comment.itemId,
      partnerId: comment.partnerId,
      visitor: visitorHash,
      reason,
      createdAt: at,
      weight: await weighFlag(visitorHash, at),
    });
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('already_flagged', 'vous avez déjà signalé ce commentaire');
    throw err;
  }
  await hideIfFlaggedEnough(comment);
}
