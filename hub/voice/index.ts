/**
 * The citizens' voice: wishes for new content (supports, signed answers, feeds, e-mail
 * follow-up) and page feedback. The app mounts `voiceRoutes(deps)`, adds
 * VOICE_WRITE_ROUTES to the interaction CORS rules and VOICE_VISITOR_DATA to the
 * visitor-data routes; the daily maintenance calls purgeVoiceData. See README.md.
 */
import type { RestrictedRoute } from '../http/index.js';
import { anyPartnerAllows, itemPartnerAllows } from '../interaction/index.js';
import type { RouteGroup } from '../http/index.js';
import type { Logger } from '../log.js';
import type { VoiceDeps } from './deps.js';
import { feedbackRoutes } from './feedback/routes.js';
import { createFollowUp } from './follow-up/follow-up.js';
import { followUpRoutes } from './follow-up/routes.js';
import { searchMissRoutes } from './searches/routes.js';
import { adminWishRoutes } from './wishes/admin-routes.js';
import { wishFeedRoutes } from './wishes/feed-routes.js';
import { wishRoutes } from './wishes/routes.js';
import { createVoiceService, type VoiceService } from './service.js';

export interface Voice {
  /** Every route group of the voice (API and feeds). */
  routes(): RouteGroup[];
  /** The same operations for the faces, in-process. */
  service: VoiceService;
}

/** The voice of one hub process: its follow-up mailer, routes and service. */
export function createVoice(deps: VoiceDeps, log: Logger): Voice {
  const followUp = createFollowUp({
    publicUrl: deps.config.publicUrl,
    log,
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
  });
  return {
    routes: () => [
      followUpRoutes(followUp),
      wishRoutes(deps, followUp),
      adminWishRoutes(deps, followUp),
      wishFeedRoutes(deps),
      feedbackRoutes(deps),
      searchMissRoutes(),
    ],
    service: createVoiceService(deps, followUp, log),
  };
}

/** Browser writes of the voice: feedback as the item's likes, wishes from any partner's site. */
export const VOICE_WRITE_ROUTES: RestrictedRoute[] = [
  { path: /^\/api\/v1\/items\/([^/]+)\/feedback$/, methods: ['POST', 'GET'], allows: itemPartnerAllows },
  { path: /^\/api\/v1\/wishes$/, methods: ['POST'], allows: anyPartnerAllows },
  { path: /^\/api\/v1\/wishes\/[^/]+\/(?:supports|flags)$/, methods: ['POST', 'DELETE'], allows: anyPartnerAllows },
];

export type { VoiceDeps, VoiceMail, VoiceMailer, SimilarItem, PartnerRef } from './deps.js';
export { VOICE_VISITOR_DATA, purgeVoiceData, type VoicePurgeReport } from './privacy.js';
export { VOICE_RATE_RULES } from './rate-rules.js';
export { FEEDBACK_REASONS, FEEDBACK_REASON_LABELS } from './feedback/feedback.js';
export { STATUS_LABELS as WISH_STATUS_LABELS } from './follow-up/messages.js';
export { WISH_FORM } from './wishes/form-subject.js';
export type { VoiceService } from './service.js';
export type { PublicWish, PublicWishStep } from './wishes/view.js';
export type { PartnerResponseTimes } from './wishes/response-times.js';
export type { SimilarWish } from './wishes/similar.js';
export type { AdminWish } from './wishes/view.js';
export type { AdminWishQuery } from './wishes/admin-list.js';
export type { WishActor } from './wishes/status.js';
export { WISH_STATUSES, type WishStatus } from './wishes/wish-model.js';
export { createFollowUp, type FollowUp } from './follow-up/follow-up.js';
export { searchSimilarItems, type ItemSearch } from './wishes/similar.js';
export { flushSearchMisses, recordSearchMiss, type UnansweredQuery } from './searches/search-misses.js';
export { isoWeek, normalizeQuery, weekStart } from './searches/normalize.js';
