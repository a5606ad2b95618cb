/**
 * How much a report counts. Visitor keys are free: one client can make a hundred in a
 * second, so a report from a key with no history weighs half, and such reports together
 * never weigh more than FRESH_FLAGS_CAP — fresh keys alone can never hide a comment. A key
 * has a history when it liked or commented (a comment not rejected) at least a day before
 * reporting: farming keys then costs a day's wait and leaves likes and comments to see.
 */
import { CommentModel } from '../comments/comment-model.js';
import { LikeModel } from '../likes/like-model.js';

/** Weight of a report from a visitor with a history. */
export const ESTABLISHED_FLAG_WEIGHT = 1;
/** Weight of a report from a visitor without one ("a key first seen minutes ago"). */
export const FRESH_FLAG_WEIGHT = 0.5;
/** What all fresh reports of a comment weigh together at most (below FLAGS_TO_HIDE). */
export const FRESH_FLAGS_CAP = 2;
/** How old a like or comment must be to give its visitor a history. */
export const HISTORY_MIN_AGE_MS = 24 * 60 * 60_000;

/** The weight of a report made by `visitorHash` at `at`. */
export async function weighFlag(visitorHash: string, at: Date): Promise<number> {
  const before = new Date(at.getTime() - HISTORY_MIN_AGE_MS);
  const [liked, commented] = await Promise.all([
    LikeModel.exists({ visitor: visitorHash, createdAt: { $lte: before } }),
    CommentModel.exists({
      visitor: visitorHash,
      status: { $in: ['published', 'pending', 'hidden', 'deleted'] },
      createdAt: { $lte: before },
    }),
  ]);
  return liked || commented ? ESTABLISHED_FLAG_WEIGHT : FRESH_FLAG_WEIGHT;
}

/** What a comment's reports weigh together; reports stored before weights existed count 1. */
export function sumFlagWeights(weights: readonly (number | undefined)[]): number {
  let established = 0;
  let fresh = 0;
  for (const weight of weights) {
    if (weight === undefined || weight >= ESTABLISHED_FLAG_WEIGHT) established += weight ?? 1;
    else fresh += weight;
  }
  return established + Math.min(fresh, FRESH_FLAGS_CAP);
}
