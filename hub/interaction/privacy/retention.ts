/**
 * Retention limits (see README.md): what is kept, how long. The scheduler calls
 * purgeExpiredModerationData once a day; it is idempotent and safe to run anywhere.
 */
import { purgeRateHits } from '../rate-limit.js';
import { CommentModel } from '../comments/comment-model.js';
import { DUPLICATE_WINDOW_MS, FingerprintModel } from '../comments/fingerprint.js';
import { FlagModel } from '../flags/flag-model.js';
import { ModerationLogModel } from '../moderation/log-model.js';
import { purgeEndedMutes } from '../moderation/mute.js';
import { purgeUsedFormTokens } from '../form-tokens/form-tokens.js';
import { purgeOldSalts } from './ip-hash.js';

const DAY = 86_400_000;

export const RETENTION = {
  /** Moderation log entries. */
  moderationLogDays: 365,
  /** Hashed sender address on a comment. */
  commentAddressHashDays: 30,
  /** Rejected comments without replies. */
  rejectedCommentDays: 365,
} as const;

export interface PurgeReport {
  moderationLog: number;
  addressHashes: number;
  rejectedComments: number;
  editTokens: number;
  fingerprints: number;
  salts: number;
  rateHits: number;
  mutes: number;
  formTokens: number;
}

function before(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY);
}

async function purgeRejectedComments(at: Date): Promise<number> {
  const old = await CommentModel.find(
    { status: 'rejected', createdAt: { $lt: before(at, RETENTION.rejectedCommentDays) } },
    { _id: 1 },
  ).lean<{ _id: string }[]>();
  if (!old.length) return 0;
  const withReplies = new Set(
    (await CommentModel.distinct('parentId', { parentId: { $in: old.map((c) => c._id) } })).map(String),
  );
  const ids = old.map((c) => c._id).filter((id) => !withReplies.has(id));
  await FlagModel.deleteMany({ commentId: { $in: ids } });
  const { deletedCount } = await CommentModel.deleteMany({ _id: { $in: ids }, status: 'rejected' });
  return deletedCount;
}

/** Deletes or strips what has outlived its retention period; returns what was purged. */
export async function purgeExpiredModerationData(at: Date = new Date()): Promise<PurgeReport> {
  const [log, hashes, tokens, fingerprints, salts, rateHits, rejected, mutes, formTokens] = await Promise.all([
    ModerationLogModel.deleteMany({ at: { $lt: before(at, RETENTION.moderationLogDays) } }),
    CommentModel.updateMany(
      { ipHash: { $exists: true }, createdAt: { $lt: before(at, RETENTION.commentAddressHashDays) } },
      { $unset: { ipHash: 1 } },
    ),
    CommentModel.updateMany(
      { editTokenHash: { $exists: true }, editableUntil: { $lt: at } },
      { $unset: { editTokenHash: 1 } },
    ),
    FingerprintModel.deleteMany({ at: { $lt: new Date(at.getTime() - DUPLICATE_WINDOW_MS) } }),
    purgeOldSalts(at),
    purgeRateHits(at),
    purgeRejectedComments(at),
    purgeEndedMutes(at),
    purgeUsedFormTokens(at),
  ]);
  return {
    moderationLog: log.deletedCount,
    addressHashes: hashes.modifiedCount,
    rejectedComments: rejected,
    editTokens: tokens.modifiedCount,
    fingerprints: fingerprints.deletedCount,
    salts,
    rateHits,
    mutes,
    formTokens,
  };
}
