/**
 * Likes, comments, flags, moderation and visitor privacy. The app mounts
 * `interactionCors(deps)` before the routers and the groups of `interactionRoutes(deps)`.
 */
import type { RouteGroup } from '../http/index.js';
import { commentRoutes } from './comments/routes.js';
import type { InteractionDeps } from './deps.js';
import { flagRoutes } from './flags/routes.js';
import { likeRoutes } from './likes/routes.js';
import { moderationRoutes } from './moderation/routes.js';
import { privacyRoutes } from './privacy/routes.js';

/** Every interaction route group: public (likes, comments, flags, visitor data) and admin (moderation). */
export function interactionRoutes(deps: InteractionDeps): RouteGroup[] {
  return [likeRoutes(deps), commentRoutes(deps), flagRoutes(deps), privacyRoutes(deps), moderationRoutes()];
}

export type { InteractionDeps, VisitorDataExtension } from './deps.js';
export {
  anyPartnerAllows,
  interactionCors,
  INTERACTION_WRITE_ROUTES,
  itemPartnerAllows,
  requestMayWrite,
} from './cors-policy.js';
export { now as interactionNow, setInteractionClock } from './clock.js';
export {
  checkFormToken,
  consumeFormToken,
  issueFormToken,
  spendFormToken,
  FORM_TOKEN_MAX_AGE_MS,
  FORM_TOKEN_MIN_AGE_MS,
  ITEM_FORMS,
  type FormTokenClaim,
  type FormTokenScope,
  type FormTokenUse,
} from './form-tokens/form-tokens.js';
export { refuseHoneypot } from './honeypot.js';
export { containsEmail, countLinks, normalizeAuthor, normalizeBody } from './comments/text.js';
export { moderationMode, type ModerationMode } from './comments/decide-status.js';
export { consumeRateLimits, forgetRateKey, type RateRule } from './rate-limit.js';
export { hashRequestAddress } from './rate-rules.js';
export { queryInteger, queryString } from './query.js';
export { EDIT_WINDOW_MS } from './comments/create-comment.js';
export type { CommentDoc, CommentStatus } from './comments/comment-model.js';
export { RATE_RULES } from './rate-rules.js';
export { countItemStats, type ItemStats } from './stats/count-item-stats.js';
export { syncItemStats } from './stats/sync-item-stats.js';
export { recountItemStats, type RecountReport } from './stats/recount.js';
export {
  createVisitorDataService,
  type FullVisitorExport,
  type VisitorDataService,
} from './privacy/visitor-data-service.js';
export { purgeExpiredModerationData, RETENTION, type PurgeReport } from './privacy/retention.js';
export {
  hashVisitorKey,
  readVisitor,
  requireVisitor,
  VISITOR_HEADER,
  VISITOR_HEADER_DOC,
  type Visitor,
} from './visitor.js';
export { MODERATION_FROM, MODERATION_TARGET } from './moderation/transition.js';
export {
  countAwaitingReview,
  queryModerationLog,
  queryModerationQueue,
  QUEUE_STATUSES,
  type LogEntry,
  type QueueQuery,
  type QueueStatus,
} from './moderation/admin-queries.js';
export type { AdminComment, WaitReason } from './moderation/admin-view.js';
export {
  loadModeratedComment,
  moderateAs,
  moderateManyAs,
  MODERATOR_ROLES,
  muteAuthorAs,
  replyAs,
  snapshotComment,
  type BulkResult,
} from './moderation/operations.js';
export { MUTE_MAX_HOURS } from './moderation/mute.js';
