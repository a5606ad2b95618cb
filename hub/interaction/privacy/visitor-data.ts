/**
 * A visitor's right of access and erasure (RGPD art. 15 and 17): everything tied to their
 * key — likes, comments, flags — exported, or erased with every count fixed.
 */
import { forgetRateKey } from '../rate-limit.js';
import { now } from '../clock.js';
import { CommentModel, type CommentDoc } from '../comments/comment-model.js';
import { FingerprintModel } from '../comments/fingerprint.js';
import { removeComment } from '../comments/remove-comment.js';
import { FlagModel, type FlagDoc } from '../flags/flag-model.js';
import { LikeModel, type LikeDoc } from '../likes/like-model.js';
import { MuteModel, type MuteDoc } from '../moderation/mute-model.js';
import { syncItemsStats } from '../stats/sync-item-stats.js';

export interface VisitorExport {
  exportedAt: string;
  likes: { itemId: string; createdAt: string }[];
  comments: {
    id: string;
    itemId: string;
    parentId: string | null;
    author: string;
    body: string;
    status: string;
    createdAt: string;
    editedAt?: string;
    addressHash?: string;
  }[];
  flags: { commentId: string; reason: string; createdAt: string }[];
  /** Partners on whose items the visitor may not comment until a date. */
  mutes: { partnerId: string; until: string; reason?: string }[];
}

/** Everything stored under the visitor's key. */
export async function exportVisitorData(visitorHash: string): Promise<VisitorExport> {
  const [likes, comments, flags, mutes] = await Promise.all([
    LikeModel.find({ visitor: visitorHash }).sort({ createdAt: 1 }).lean<LikeDoc[]>(),
    CommentModel.find({ visitor: visitorHash }).sort({ createdAt: 1 }).lean<CommentDoc[]>(),
    FlagModel.find({ visitor: visitorHash }).sort({ createdAt: 1 }).lean<FlagDoc[]>(),
    MuteModel.find({ visitor: visitorHash }).lean<MuteDoc[]>(),
  ]);
  return {
    exportedAt: now().toISOString(),
    likes: likes.map((l) => ({ itemId: l.itemId, createdAt: l.createdAt.toISOString() })),
    comments: comments.map((c) => ({
      id: c._id,
      itemId: c.itemId,
      parentId: c.parentId,
      author: c.author,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      ...(c.editedAt ? { editedAt: c.editedAt.toISOString() } : {}),
      ...(c.ipHash ? { addressHash: c.ipHash } : {}),
    })),
    flags: flags.map((f) => ({ commentId: f.commentId, reason: f.reason, createdAt: f.createdAt.toISOString() })),
    mutes: mutes.map((m) => ({
      partnerId: m.partnerId,
      until: m.until.toISOString(),
      ...(m.reason ? { reason: m.reason } : {}),
    })),
  };
}

export interface ErasureReport {
  likes: number;
  comments: number;
  flags: number;
}

/** Erases the visitor's likes, comments (placeholders where others replied) and flags. */
export async function eraseVisitorData(visitorHash: string): Promise<ErasureReport> {
  const touched = new Set<string>();
  const likes = await LikeModel.find({ visitor: visitorHash }, { itemId: 1 }).lean<Pick<LikeDoc, 'itemId'>[]>();
  likes.forEach((l) => touched.add(l.itemId));
  const { deletedCount: likesErased } = await LikeModel.deleteMany({ visitor: visitorHash });
  // Replies first, so that a thread made only of the visitor's own messages goes entirely.
  const comments = await CommentModel.find({ visitor: visitorHash }).lean<CommentDoc[]>();
  comments.sort((a, b) => Number(!a.parentId) - Number(!b.parentId));
  for (const comment of comments) touched.add(await removeComment(comment, now()));
  const [{ deletedCount: flagsErased }] = await Promise.all([
    FlagModel.deleteMany({ visitor: visitorHash }),
    FingerprintModel.deleteMany({ visitor: visitorHash }),
    MuteModel.deleteMany({ visitor: visitorHash }),
    forgetRateKey(visitorHash),
  ]);
  await syncItemsStats(touched);
  return { likes: likesErased, comments: comments.length, flags: flagsErased };
}
