/** A visitor's new comment or reply, once the request itself has been checked. */
import { createHash, randomBytes } from 'node:crypto';
import type { CommentInput, FieldError } from '../../../schemas/index.js';
import { InvalidInput } from '../../domain-errors.js';
import { now } from '../clock.js';
import type { ItemContext } from '../item-context.js';
import { spendFormToken, type FormTokenClaim } from '../form-tokens/form-tokens.js';
import { assertNotMuted } from '../moderation/mute.js';
import { limitAction } from '../rate-rules.js';
import { syncItemStats } from '../stats/sync-item-stats.js';
import { CommentModel, type CommentDoc } from './comment-model.js';
import { decideStatus } from './decide-status.js';
import { claimFingerprint, releaseFingerprint } from './fingerprint.js';
import { containsEmail, normalizeAuthor, normalizeBody } from './text.js';

export const EDIT_WINDOW_MS = 15 * 60_000;

/** A new random comment id (16 characters of base64url). */
export function newCommentId(): string {
  return randomBytes(12).toString('base64url');
}

/** sha256 of an edit token, hex. */
export function hashEditToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The author and body as stored; 400 invalid_input when they are empty once cleaned. */
export function cleanCommentText(input: { author: string; body: string }): { author: string; body: string } {
  const author = normalizeAuthor(input.author);
  const body = normalizeBody(input.body);
  const errors: FieldError[] = [];
  if (author.length < 2 || author.length > 40)
    errors.push({ field: 'author', message: 'le pseudonyme doit faire de 2 à 40 caractères' });
  else if (containsEmail(author)) errors.push({ field: 'author', message: 'un pseudonyme, pas une adresse e-mail' });
  if (!body) errors.push({ field: 'body', message: 'le commentaire est vide' });
  if (errors.length) throw new InvalidInput(errors);
  return { author, body };
}

/**
 * The top-level comment a reply belongs to: a reply to a reply is attached to the
 * top-level comment (threads are one level deep). 400 when the parent is not visible here.
 */
export async function resolveParent(parentId: string | undefined, itemId: string): Promise<string | null> {
  if (!parentId) return null;
  const unknown = () => new InvalidInput([{ field: 'parentId', message: 'commentaire introuvable sur ce contenu' }]);
  const parent = await CommentModel.findById(parentId).lean<CommentDoc>();
  if (!parent || parent.itemId !== itemId || parent.status !== 'published') throw unknown();
  if (!parent.parentId) return parent._id;
  const top = await CommentModel.findById(parent.parentId).lean<CommentDoc>();
  if (!top || (top.status !== 'published' && top.status !== 'deleted')) throw unknown();
  return top._id;
}

export interface NewCommentRequest {
  target: ItemContext;
  input: CommentInput;
  visitorHash: string;
  addressHash: string;
  /** The form token, checked; spent only once everything else has passed (a refused comment keeps it). */
  formToken: FormTokenClaim;
}

/** Stores the comment (published or pending) and returns it with its edit token. */
export async function createComment({
  target,
  input,
  visitorHash,
  addressHash,
  formToken,
}: NewCommentRequest): Promise<{ doc: CommentDoc; editToken: string }> {
  const { author, body } = cleanCommentText(input);
  const parentId = await resolveParent(input.parentId, target.item._id);
  await assertNotMuted(target.partner._id, visitorHash);
  await limitAction('comment', visitorHash, addressHash);
  const at = now();
  const id = newCommentId();
  await claimFingerprint({ visitor: visitorHash, itemId: target.item._id, body, commentId: id, at });
  const editToken = randomBytes(24).toString('base64url');
  let doc: CommentDoc;
  try {
    await spendFormToken(formToken);
    const status = await decideStatus(target.partner, body, visitorHash);
    doc = (
      await CommentModel.create({
        _id: id,
        itemId: target.item._id,
        partnerId: target.partner._id,
        parentId,
        visitor: visitorHash,
        author,
        body,
        status,
        createdAt: at,
        editTokenHash: hashEditToken(editToken),
        editableUntil: new Date(at.getTime() + EDIT_WINDOW_MS),
        ipHash: addressHash,
      })
    ).toObject();
  } catch (err) {
    await releaseFingerprint(id);
    throw err;
  }
  if (doc.status === 'published') await syncItemStats(doc.itemId);
  return { doc, editToken };
}
