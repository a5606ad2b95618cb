/** A partner's official reply: published at once, signed with the partner's name. */
import { Forbidden, InvalidInput } from '../../domain-errors.js';
import type { Principal } from '../../auth/index.js';
import { findPartner } from '../../partners/index.js';
import { now } from '../clock.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { newCommentId, resolveParent } from '../comments/create-comment.js';
import { normalizeBody } from '../comments/text.js';
import { syncItemStats } from '../stats/sync-item-stats.js';
import { ModerationLogModel } from './log-model.js';

/**
 * Answers `target` (attached to its top-level comment) in the name of the item's partner.
 * Only that partner's admins and moderators speak for it: a platform admin is refused.
 */
export async function postOfficialReply(
  target: CommentDoc,
  principal: Principal,
  rawBody: string,
): Promise<CommentDoc> {
  if (
    principal.partnerId !== target.partnerId ||
    (principal.role !== 'partner-admin' && principal.role !== 'moderator')
  ) {
    throw new Forbidden(
      'une réponse officielle est signée par le partenaire du contenu : utilisez un jeton de ce partenaire',
    );
  }
  const body = normalizeBody(rawBody);
  if (!body) throw new InvalidInput([{ field: 'body', message: 'la réponse est vide' }]);
  const partner = await findPartner(target.partnerId);
  if (!partner) throw new Forbidden(`partenaire ${target.partnerId} inconnu`);
  const parentId = await resolveParent(target._id, target.itemId);
  const at = now();
  const doc = (
    await CommentModel.create({
      _id: newCommentId(),
      itemId: target.itemId,
      partnerId: partner._id,
      parentId,
      author: partner.shortName ?? partner.name,
      body,
      status: 'published',
      official: { partnerId: partner._id, partnerName: partner.name, tokenId: principal.tokenId },
      createdAt: at,
      approvedAt: at,
    })
  ).toObject();
  await ModerationLogModel.create({
    at,
    partnerId: partner._id,
    itemId: doc.itemId,
    commentId: doc._id,
    action: 'official-reply',
    from: null,
    to: 'published',
    by: { tokenId: principal.tokenId, name: principal.name },
  });
  await syncItemStats(doc.itemId);
  return doc;
}
