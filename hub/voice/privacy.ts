/**
 * The visitor's data in the citizens' voice — wishes, supports, reports, page feedback,
 * follow-up addresses — for GET and DELETE /api/v1/visitor/data (passed to interaction
 * by the wiring), and the retention purge.
 */
import { purgeSearchMisses } from './searches/search-misses.js';
import type { VisitorDataExtension } from '../interaction/index.js';
import { FeedbackModel, type FeedbackDoc } from './feedback/feedback-model.js';
import { purgeFollowUps } from './follow-up/follow-up.js';
import { SubscriptionModel, type SubscriptionDoc } from './follow-up/subscription-model.js';
import { forgetOpenWishes } from './wishes/similar.js';
import { SupportModel, type SupportDoc } from './wishes/support-model.js';
import { syncWishSupports } from './wishes/supports.js';
import { WishFingerprintModel, WishFlagModel, type WishFlagDoc } from './wishes/wish-flag-model.js';
import { CLOSED_STATUSES, WishModel, type WishDoc } from './wishes/wish-model.js';

const DAY = 86_400_000;
/** Hashed sender address on a wish, as on comments. */
const ADDRESS_HASH_DAYS = 30;

async function exportVoiceData(visitor: string): Promise<Record<string, unknown>> {
  const [wishes, supports, flags, feedback, subscriptions] = await Promise.all([
    WishModel.find({ visitor }, { moderationLog: 0 }).sort({ createdAt: 1 }).lean<WishDoc[]>(),
    SupportModel.find({ visitor }).sort({ createdAt: 1 }).lean<SupportDoc[]>(),
    WishFlagModel.find({ visitor }).lean<WishFlagDoc[]>(),
    FeedbackModel.find({ visitor }).sort({ createdAt: 1 }).lean<FeedbackDoc[]>(),
    SubscriptionModel.find({ visitor }).lean<SubscriptionDoc[]>(),
  ]);
  return {
    wishes: wishes.map((w) => ({
      id: w._id,
      title: w.title,
      body: w.body,
      status: w.status,
      moderation: w.moderation,
      createdAt: w.createdAt.toISOString(),
      ...(w.commune ? { commune: w.commune } : {}),
      ...(w.audience ? { audience: w.audience } : {}),
      ...(w.campaign ? { campaign: w.campaign } : {}),
      ...(w.ipHash ? { addressHash: w.ipHash } : {}),
    })),
    supports: supports.map((s) => ({ wishId: s.wishId, createdAt: s.createdAt.toISOString() })),
    wishFlags: flags.map((f) => ({ wishId: f.wishId, reason: f.reason, createdAt: f.createdAt.toISOString() })),
    feedback: feedback.map((f) => ({
      itemId: f.itemId,
      useful: f.useful,
      reasons: f.reasons,
      ...(f.text ? { text: f.text } : {}),
      updatedAt: f.updatedAt.toISOString(),
    })),
    followUps: subscriptions.map((s) => ({ wishId: s.wishId, email: s.email, status: s.status })),
  };
}

/**
 * Erases the visitor's wishes (with their supports and follow-ups: a wish without its
 * author is not kept), their supports on others' wishes (counts fixed), reports and feedback.
 */
async function eraseVoiceData(visitor: string): Promise<Record<string, number>> {
  const own = (await WishModel.find({ visitor }, { _id: 1 }).lean<{ _id: string }[]>()).map((w) => w._id);
  const supported = (await SupportModel.find({ visitor }, { wishId: 1 }).lean<{ wishId: string }[]>()).map(
    (s) => s.wishId,
  );
  const [supports, flags, feedback, subscriptions] = await Promise.all([
    SupportModel.deleteMany({ visitor }),
    WishFlagModel.deleteMany({ visitor }),
    FeedbackModel.deleteMany({ visitor }),
    SubscriptionModel.deleteMany({ $or: [{ visitor }, { wishId: { $in: own } }] }),
    WishFingerprintModel.deleteMany({ visitor }),
  ]);
  if (own.length) {
    await Promise.all([
      SupportModel.deleteMany({ wishId: { $in: own } }),
      WishFlagModel.deleteMany({ wishId: { $in: own } }),
      WishModel.deleteMany({ _id: { $in: own } }),
    ]);
    forgetOpenWishes();
  }
  for (const id of new Set(supported)) if (!own.includes(id)) await syncWishSupports(id);
  return {
    wishes: own.length,
    supports: supports.deletedCount,
    wishFlags: flags.deletedCount,
    feedback: feedback.deletedCount,
    followUps: subscriptions.deletedCount,
  };
}

/** The extension interaction's visitor-data routes call. */
export const VOICE_VISITOR_DATA: VisitorDataExtension = { export: exportVoiceData, erase: eraseVoiceData };

export interface VoicePurgeReport {
  followUps: number;
  addressHashes: number;
  /** Records of searches without result older than 26 weeks. */
  searchMisses: number;
}

/** Retention: follow-up addresses (7 days unconfirmed, 90 days after closing), address hashes after 30 days. */
export async function purgeVoiceData(at: Date = new Date()): Promise<VoicePurgeReport> {
  const followUps = await purgeFollowUps(at, async (before) =>
    (
      await WishModel.find({ status: { $in: CLOSED_STATUSES }, closedAt: { $lt: before } }, { _id: 1 }).lean<
        { _id: string }[]
      >()
    ).map((w) => w._id),
  );
  const hashes = await WishModel.updateMany(
    { ipHash: { $exists: true }, createdAt: { $lt: new Date(at.getTime() - ADDRESS_HASH_DAYS * DAY) } },
    { $unset: { ipHash: 1 } },
  );
  const searchMisses = await purgeSearchMisses(at);
  return { followUps, addressHashes: hashes.modifiedCount, searchMisses };
}
