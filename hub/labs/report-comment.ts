/** Tells the section's last author's partner about a new comment on it. */
import { findSectionAuthor } from './events.js';
import type { LabDoc } from './lab-model.js';
import type { PublishDeps } from './publish.js';
import type { LabCommentDoc } from './social-models.js';

/** Reports a `commented` event, with the partner of whoever wrote the section last. */
export async function reportComment(deps: PublishDeps, lab: LabDoc, comment: LabCommentDoc): Promise<void> {
  if (!deps.onEvent) return;
  const author = comment.section ? await findSectionAuthor(lab._id, comment.section) : undefined;
  const partnerId = author?.partnerId ?? lab.partnerIds[0];
  await deps.onEvent({
    type: 'commented',
    lab,
    commentId: comment._id,
    ...(comment.section ? { section: comment.section } : {}),
    ...(partnerId ? { partnerId } : {}),
    by: comment.author,
  });
}
