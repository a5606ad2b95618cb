/**
 * Whether a new (or edited) comment is published at once or waits for a moderator, from
 * the moderation mode of the ITEM's partner.
 */
import type { PartnerDoc } from '../../partners/index.js';
import { CommentModel } from './comment-model.js';
import { countLinks } from './text.js';

/** More links than this and a comment waits for a moderator, whatever the mode. */
export const MAX_LINKS_UNMODERATED = 2;

export type ModerationMode = 'pre' | 'post' | 'first-time';

/** The partner's mode (post when unset). */
export function moderationMode(partner: PartnerDoc): ModerationMode {
  return (partner.moderation?.mode as ModerationMode | undefined) ?? 'post';
}

/** True when this visitor already has a comment approved by a moderator, published, on any item of the partner. */
async function hasApprovedComment(visitorHash: string, partnerId: string): Promise<boolean> {
  return !!(await CommentModel.exists({
    visitor: visitorHash,
    partnerId,
    status: 'published',
    approvedAt: { $exists: true },
  }));
}

/** published or pending, for a body sent by a visitor to an item of `partner`. */
export async function decideStatus(
  partner: PartnerDoc,
  body: string,
  visitorHash: string,
): Promise<'published' | 'pending'> {
  if (countLinks(body) > MAX_LINKS_UNMODERATED) return 'pending';
  const mode = moderationMode(partner);
  if (mode === 'post') return 'published';
  if (mode === 'pre') return 'pending';
  return (await hasApprovedComment(visitorHash, partner._id)) ? 'published' : 'pending';
}
