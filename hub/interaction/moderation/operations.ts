/**
 * What moderators do, for the admin API and the console alike: each operation checks
 * that the caller may moderate the comment's partner, then acts and logs.
 */
import type { ModerationAction } from '../../../schemas/index.js';
import type { AuditSnapshot } from '../../audit/index.js';
import { hasPartnerAccess, type Principal } from '../../auth/index.js';
import { Forbidden, NotFound, type DomainError } from '../../domain-errors.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { muteCommentAuthor } from './mute.js';
import type { MuteDoc } from './mute-model.js';
import { postOfficialReply } from './official-reply.js';
import { moderateComment, type TransitionResult } from './transition.js';

export const MODERATOR_ROLES = ['partner-admin', 'moderator'] as const;

/** A comment `principal` may moderate: 404 when unknown, 403 when another partner's. */
export async function loadModeratedComment(principal: Principal, id: string): Promise<CommentDoc> {
  const doc = await CommentModel.findById(id).lean<CommentDoc>();
  if (!doc || doc.status === 'deleted') throw new NotFound(`le commentaire ${id}`);
  if (!hasPartnerAccess(principal, doc.partnerId, MODERATOR_ROLES))
    throw new Forbidden(`ce jeton ne donne pas accès au partenaire ${doc.partnerId}`);
  return doc;
}

const actorOf = (p: Principal) => ({ tokenId: p.tokenId, name: p.name });

/** Approves, rejects or hides one comment, with an optional reason. */
export async function moderateAs(
  principal: Principal,
  id: string,
  action: ModerationAction,
  reason?: string,
): Promise<TransitionResult> {
  const doc = await loadModeratedComment(principal, id);
  return moderateComment(doc, action, actorOf(principal), reason);
}

export type BulkResult =
  { id: string; ok: true; from: string; to: string } | { id: string; ok: false; error: DomainError | Error };

/** One action on several comments; each result reported, a refusal never stops the others. */
export async function moderateManyAs(
  principal: Principal,
  ids: readonly string[],
  action: ModerationAction,
  reason?: string,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of ids) {
    try {
      const { from, to } = await moderateAs(principal, id, action, reason);
      results.push({ id, ok: true, from, to });
    } catch (error) {
      results.push({ id, ok: false, error: error as Error });
    }
  }
  return results;
}

/** The partner's official reply to a comment. */
export async function replyAs(principal: Principal, id: string, body: string): Promise<CommentDoc> {
  return postOfficialReply(await loadModeratedComment(principal, id), principal, body);
}

/** Mutes the author of a comment on its partner for `hours`. */
export async function muteAuthorAs(principal: Principal, id: string, hours: number, reason?: string): Promise<MuteDoc> {
  return muteCommentAuthor(await loadModeratedComment(principal, id), hours, actorOf(principal), reason);
}

/** What the journal shows of a comment. */
export async function snapshotComment(id: string): Promise<AuditSnapshot | undefined> {
  const doc = await CommentModel.findById(id).lean<CommentDoc>();
  if (!doc) return undefined;
  const excerpt = doc.body.length > 60 ? `${doc.body.slice(0, 59)}…` : doc.body;
  return {
    partnerId: doc.partnerId,
    label: `${doc.author} : « ${excerpt} »`,
    fields: { status: doc.status, hiddenReason: doc.hiddenReason },
  };
}
