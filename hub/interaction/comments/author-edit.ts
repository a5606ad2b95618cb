/**
 * Authors may edit or delete their comment for 15 minutes with the edit token they got
 * back when posting it (header Passerelle-Edit-Token).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../domain-errors.js';
import { findPartner } from '../../partners/index.js';
import { now } from '../clock.js';
import { syncItemStats } from '../stats/sync-item-stats.js';
import { CommentModel, type CommentDoc } from './comment-model.js';
import { hashEditToken } from './create-comment.js';
import { decideStatus } from './decide-status.js';
import { removeComment } from './remove-comment.js';
import { normalizeBody } from './text.js';

export const EDIT_TOKEN_HEADER = 'Passerelle-Edit-Token';
const COMMENT_ID = /^[A-Za-z0-9_-]{8,40}$/;

/** The :id route parameter when it looks like a comment id; 404 otherwise. */
export function commentIdParam(ctx: Context): string {
  const id = String(ctx.params.id ?? '');
  if (!COMMENT_ID.test(id)) throw new NotFound(`le commentaire ${id}`);
  return id;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The comment the request may edit: 404, 403 edit_token_invalid or 403 edit_window_closed otherwise. */
export async function loadEditableComment(ctx: Context): Promise<CommentDoc> {
  const id = commentIdParam(ctx);
  const doc = await CommentModel.findById(id).lean<CommentDoc>();
  if (!doc || doc.status === 'deleted') throw new NotFound(`le commentaire ${id}`);
  const token = ctx.get(EDIT_TOKEN_HEADER);
  if (!token || !doc.editTokenHash || !sameHash(hashEditToken(token), doc.editTokenHash)) {
    throw new Forbidden(
      `en-tête ${EDIT_TOKEN_HEADER} absent ou ne correspondant pas à ce commentaire`,
      'edit_token_invalid',
      'Modification refusée',
    );
  }
  if (!doc.editableUntil || now() > doc.editableUntil) {
    throw new Forbidden(
      'un commentaire ne peut être modifié ou supprimé que pendant 15 minutes',
      'edit_window_closed',
      'Délai de modification dépassé',
    );
  }
  return doc;
}

/**
 * Replaces the body. The moderation decision is made again (links, mode): in pre mode an
 * approved comment that is edited goes back to pending, so approval cannot be bypassed.
 */
export async function editComment(doc: CommentDoc, rawBody: string): Promise<CommentDoc> {
  const body = normalizeBody(rawBody);
  if (!body) throw new InvalidInput([{ field: 'body', message: 'le commentaire est vide' }]);
  let status = doc.status;
  if (status === 'published') {
    const partner = await findPartner(doc.partnerId);
    status = partner ? await decideStatus(partner, body, doc.visitor ?? '') : 'pending';
  }
  const updated = await CommentModel.findOneAndUpdate(
    { _id: doc._id, status: doc.status },
    { $set: { body, status, editedAt: now() } },
    { new: true },
  ).lean<CommentDoc>();
  if (!updated) throw new Conflict('comment_changed', "le commentaire vient d'être modéré : rechargez-le");
  if (status !== doc.status) await syncItemStats(doc.itemId);
  return updated;
}

/** Deletes the comment (placeholder when it has replies) and fixes the item's count. */
export async function deleteOwnComment(doc: CommentDoc): Promise<void> {
  const itemId = await removeComment(doc, now());
  await syncItemStats(itemId);
}
