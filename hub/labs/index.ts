/**
 * Open labs: partners write one content together, review it revision by revision, approve
 * it and publish one co-authored item. See README.md.
 */
import type { RouteGroup } from '../http/index.js';
import { labDecisionRoutes } from './decision-routes.js';
import { labCoreRoutes } from './lab-routes.js';
import { labPeopleRoutes } from './people-routes.js';
import type { PublishDeps } from './publish.js';
import { labReviewRoutes } from './review-routes.js';

export type { PublishDeps as LabDeps } from './publish.js';
export { labItemId } from './publish.js';
export { diffRevisions, splitSpace, type DiffPart, type WordDiff } from './diff.js';
export { findSectionAuthor, type LabEvent } from './events.js';
export { notifyLabEvent, notifyLabsDueSoon } from './notify.js';
export { renderDocument, type RenderedDocument, type Section } from './markdown.js';
export type { LabStatus } from './lab-status.js';

/** Every route of the labs: the admin API and the outside reviewers' links. */
export function labRoutes(deps: PublishDeps): RouteGroup[] {
  return [labCoreRoutes(deps), labDecisionRoutes(deps), labPeopleRoutes(deps), labReviewRoutes(deps)];
}

// The operations the console calls in-process (faces never reach the models).
export { actorOf, permissionsOf, type LabPermissions } from './access.js';
export { approveRevision, findLastApprovedRevision, listApprovalHistory, listApprovals } from './approvals.js';
export { addComment, listCommentThreads, loadComment, resolveComment, type CommentThread } from './comments.js';
export { createLab, listLabs, loadLab, setLabStage } from './labs.js';
export type { LabDoc } from './lab-model.js';
export {
  checkReviewerLink,
  decideMembership,
  inviteReviewer,
  isMember,
  listMemberships,
  listReviewers,
  pingPresence,
  requestMembership,
  revokeReviewer,
  REVIEWER_LINK_DAYS,
  type ReviewerLinkState,
} from './people.js';
export { publishLab } from './publish.js';
export { findLatestRevision, listRevisions, loadRevision, saveRevision } from './revisions.js';
export { commentAsReviewer, loadReviewLink } from './review-routes.js';
export { reportComment } from './report-comment.js';
export { summarizeLab, toThreadView, viewLab, type LabSummary, type LabView } from './views.js';
