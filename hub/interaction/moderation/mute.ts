/**
 * Muting a visitor key for a chosen time, on one partner's items: the moderator of a
 * partner silences a visitor (their new comments and replies there are refused with the
 * date the mute ends) without learning who they are. Logged like every moderation action.
 */
import { Forbidden, InvalidInput } from '../../domain-errors.js';
import { formatDateTime } from '../../locale/index.js';
import { now } from '../clock.js';
import type { CommentDoc } from '../comments/comment-model.js';
import { ModerationLogModel } from './log-model.js';
import { MuteModel, type MuteDoc } from './mute-model.js';
import type { Actor } from './transition.js';

/** From one hour to a year. */
export const MUTE_MAX_HOURS = 24 * 365;

const muteId = (partnerId: string, visitor: string) => `${partnerId}:${visitor}`;

/** Mutes the author of `comment` for `hours` on the comment's partner; returns the mute. */
export async function muteCommentAuthor(
  comment: CommentDoc,
  hours: number,
  actor: Actor,
  reason?: string,
): Promise<MuteDoc> {
  if (!Number.isInteger(hours) || hours < 1 || hours > MUTE_MAX_HOURS)
    throw new InvalidInput([{ field: 'hours', message: `une durée de 1 à ${MUTE_MAX_HOURS} heures` }]);
  if (!comment.visitor)
    throw new InvalidInput([{ field: 'hours', message: "ce commentaire n'a pas d'auteur visiteur à rendre muet" }]);
  const at = now();
  const mute: MuteDoc = {
    _id: muteId(comment.partnerId, comment.visitor),
    partnerId: comment.partnerId,
    visitor: comment.visitor,
    until: new Date(at.getTime() + hours * 3600_000),
    ...(reason ? { reason } : {}),
    by: { tokenId: actor.tokenId, name: actor.name },
    at,
  };
  await MuteModel.replaceOne({ _id: mute._id }, mute, { upsert: true });
  await ModerationLogModel.create({
    at,
    partnerId: comment.partnerId,
    itemId: comment.itemId,
    commentId: comment._id,
    action: 'mute',
    from: null,
    to: 'muted',
    until: mute.until,
    ...(reason ? { reason } : {}),
    by: { tokenId: actor.tokenId, name: actor.name },
  });
  return mute;
}

/** Refuses a new comment from a visitor muted on this partner (403 visitor_muted). */
export async function assertNotMuted(partnerId: string, visitor: string): Promise<void> {
  const mute = await MuteModel.findById(muteId(partnerId, visitor)).lean<MuteDoc>();
  if (!mute || mute.until <= now()) return;
  throw new Forbidden(
    `vous ne pouvez plus commenter les contenus de ce partenaire jusqu'au ${formatDateTime(mute.until)}`,
    'visitor_muted',
    'Commentaires suspendus',
  );
}

/** Mutes that have ended. */
export async function purgeEndedMutes(at: Date): Promise<number> {
  const { deletedCount } = await MuteModel.deleteMany({ until: { $lt: at } });
  return deletedCount;
}
