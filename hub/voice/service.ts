/**
 * The voice as the faces (portal, console) call it, in-process: the same operations as the
 * API routes, without HTTP and without handing out a model.
 */
import type { Context } from 'koa';
import type { FeedbackInput, WishAgentInput, WishInput, WishStatusInput } from '../../schemas/index.js';
import { checkFormToken, hashVisitorKey, issueFormToken, ITEM_FORMS, spendFormToken } from '../interaction/index.js';
import { NotFound } from '../domain-errors.js';
import type { Logger } from '../log.js';
import type { VoiceDeps } from './deps.js';
import { recordFeedback, readOwnFeedback, type FeedbackTarget } from './feedback/feedback.js';
import { reportItemFeedback, reportPartnerFeedback } from './feedback/report.js';
import type { FollowUp } from './follow-up/follow-up.js';
import { announceStep } from './follow-up/announce.js';
import { hashAddressOf, limitVoiceAction } from './rate-rules.js';
import { countAwaitingWishes, queryAdminWishes, type AdminWishQuery } from './wishes/admin-list.js';
import { createAgentWish, createCitizenWish } from './wishes/create-wish.js';
import { listWishes, parseWishQuery, type RawWishQuery } from './wishes/list-wishes.js';
import { checkModerator, moderateWish, type WishModerationAction } from './wishes/moderation.js';
import { computeResponseTimes } from './wishes/response-times.js';
import { WISH_FORM } from './wishes/form-subject.js';
import { listUnansweredSearches, recordSearchMiss } from './searches/search-misses.js';
import { readWeek } from './searches/routes.js';
import { makeWishOfSearch } from './searches/wish-from-search.js';
import { findSimilar, forgetOpenWishes } from './wishes/similar.js';
import { changeWishStatus, nextStatuses, type WishActor } from './wishes/status.js';
import { listSupported, loadPublicWish, supportWish, withdrawSupport } from './wishes/supports.js';
import { toAdminWish, toPublicWish } from './wishes/view.js';
import { WishModel, type WishDoc } from './wishes/wish-model.js';

function signerOf(actor: WishActor) {
  return {
    kind: 'agent' as const,
    name: actor.name,
    tokenId: actor.tokenId,
    ...(actor.partnerId && actor.role !== 'platform-admin' ? { partnerId: actor.partnerId } : {}),
  };
}

export function createVoiceService(deps: VoiceDeps, followUp: FollowUp, log: Logger) {
  const names = () => deps.partners();
  return {
    /** A fresh token of the wish form for a visitor (good for one wish, from 3 s to 2 h). */
    wishFormToken: (visitorHash: string) => issueFormToken({ ...WISH_FORM, visitor: { hash: visitorHash } }),
    /** A fresh token of the item forms (comment or feedback) for a visitor. */
    itemFormToken: (itemId: string, visitorHash: string) =>
      issueFormToken({ purpose: ITEM_FORMS, subject: itemId, visitor: { hash: visitorHash } }),
    /** The visitor hash of a raw key (a portal cookie, say). */
    hashVisitor: hashVisitorKey,
    /** The hashed address of a request (today's salt), for the limits of the portal's forms. */
    hashAddress: (ctx: Context) => hashAddressOf(ctx, deps),
    async listWishes(raw: RawWishQuery, visitorHash?: string) {
      const query = parseWishQuery(raw);
      const { total, wishes } = await listWishes(query);
      const supported = await listSupported(
        wishes.map((w) => w._id),
        visitorHash,
      );
      const partners = await names();
      return {
        total,
        page: query.page,
        limit: query.limit,
        query,
        wishes: wishes.map((w) => toPublicWish(w, partners, visitorHash ? supported.has(w._id) : undefined)),
      };
    },
    async readWish(id: string, visitorHash?: string) {
      const wish = await loadPublicWish(id);
      const supported = visitorHash ? (await listSupported([id], visitorHash)).has(id) : undefined;
      return toPublicWish(wish, await names(), supported);
    },
    /** Checks the token, stores the wish, sends the follow-up confirmation when an address is given. */
    async proposeWish(input: WishInput, visitorHash: string, addressHash: string) {
      const visitor = { hash: visitorHash };
      const claim = await checkFormToken({ token: input.formToken, ...WISH_FORM, visitor });
      const { wish, email } = await createCitizenWish({
        input,
        spendToken: () => spendFormToken(claim),
        visitorHash,
        addressHash,
        mode: deps.config.wishesModeration,
      });
      forgetOpenWishes();
      const mail = email ? await followUp.subscribe(wish, email, visitorHash) : undefined;
      return { id: wish._id, moderation: wish.moderation, followUp: mail };
    },
    /** « Moi aussi » or its withdrawal; limited like the API when the address is given. */
    async toggleSupport(id: string, visitorHash: string, on: boolean, addressHash?: string) {
      const wish = await loadPublicWish(id);
      if (addressHash) await limitVoiceAction('support', visitorHash, addressHash);
      return on ? supportWish(wish, visitorHash) : withdrawSupport(wish, visitorHash);
    },
    similar: (q: string) => findSimilar(q, deps.searchItems),
    responseTimes: async () => computeResponseTimes(await names()),
    async recordFeedback(target: FeedbackTarget, input: FeedbackInput, visitorHash: string) {
      const visitor = { hash: visitorHash };
      const claim = await checkFormToken({
        token: input.formToken,
        purpose: ITEM_FORMS,
        subject: target.itemId,
        visitor,
      });
      return recordFeedback(target, input, visitorHash, () => spendFormToken(claim));
    },
    readOwnFeedback,
    reportItemFeedback,
    reportPartnerFeedback,
    /** For the console: every wish (platform admins) or the published ones (partners). */
    async readAdminWish(id: string, actor: WishActor) {
      const wish = await WishModel.findById(id).lean<WishDoc>();
      if (!wish || (actor.role !== 'platform-admin' && wish.moderation !== 'published'))
        throw new NotFound(`le souhait ${id}`);
      return toAdminWish(wish, await names());
    },
    async changeStatus(id: string, input: WishStatusInput, actor: WishActor) {
      const wish = await WishModel.findById(id).lean<WishDoc>();
      if (!wish) throw new NotFound(`le souhait ${id}`);
      const updated = await changeWishStatus(wish, input, actor);
      forgetOpenWishes();
      // Mailed as the API's steps are (best effort: a failing mail server is logged only).
      void announceStep(deps, followUp, updated, log);
      return toAdminWish(updated, await names());
    },
    /** The statuses a wish may go to next (the console's choices). */
    nextStatuses,
    /** Wishes as agents list them (see wishes/admin-list.ts). */
    listAdminWishes: async (actor: WishActor, query: AdminWishQuery) => queryAdminWishes(actor, query, await names()),
    /** What awaits this agent: wishes to moderate (platform) or to answer (its partner). */
    countAwaitingWishes,
    /** A wish collected in a social-network comment, entered by an agent: published at once. */
    async enterWish(input: WishAgentInput, actor: WishActor) {
      const wish = await createAgentWish(input, signerOf(actor));
      forgetOpenWishes();
      return toAdminWish(wish, await names());
    },
    /** The journal's view of a wish: its title, moderation, status and partners. */
    async snapshotWish(id: string) {
      const wish = await WishModel.findById(id, { title: 1, moderation: 1, status: 1, partnerIds: 1 }).lean<WishDoc>();
      if (!wish) return undefined;
      return {
        label: wish.title,
        ...(wish.partnerIds.length === 1 ? { partnerId: wish.partnerIds[0] } : {}),
        fields: { moderation: wish.moderation, status: wish.status, partnerIds: wish.partnerIds.join(', ') },
      };
    },
    async moderate(id: string, action: WishModerationAction, actor: WishActor, reason?: string) {
      const wish = await WishModel.findById(id).lean<WishDoc>();
      if (!wish) throw new NotFound(`le souhait ${id}`);
      checkModerator(actor, wish);
      const updated = await moderateWish(wish, action, signerOf(actor), reason);
      forgetOpenWishes();
      return toAdminWish(updated, await names());
    },
    /** Counts a search that found nothing (in memory; never throws, never waits). */
    recordSearchMiss: (q: string) => recordSearchMiss(q),
    /** The week's searches without result, most frequent first (`week` checked: 400 if malformed). */
    unansweredSearches: (week: string | undefined, limit = 50) => listUnansweredSearches(readWeek(week), limit),
    /** « En faire un souhait à étudier »: under study for the agent's partner, or nouveau for the platform. */
    async wishFromSearch(search: { query: string; count: number; week: string }, actor: WishActor) {
      const wish = await makeWishOfSearch(search, actor);
      forgetOpenWishes();
      return toAdminWish(wish, await names());
    },
    confirmFollowUp: (token: string) => followUp.confirm(token),
    stopFollowUp: (token: string) => followUp.unsubscribe(token),
  };
}

export type VoiceService = ReturnType<typeof createVoiceService>;
