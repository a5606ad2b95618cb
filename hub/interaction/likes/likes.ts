/** Like, unlike, and read an item's likes: the like records are the truth. */
import { isDuplicateKey } from '../../db/index.js';
import { recordLikeWritten } from '../../metrics/index.js';
import type { ItemDoc } from '../../items/index.js';

type LikedItem = Pick<ItemDoc, '_id' | 'partnerId'>;
import { now } from '../clock.js';
import { syncItemStats } from '../stats/sync-item-stats.js';
import { LikeModel } from './like-model.js';

export interface Reactions {
  likes: number;
  liked: boolean;
}

/** Adds the visitor's like (once, by unique index); returns the exact count. */
export async function likeItem(item: LikedItem, visitorHash: string): Promise<Reactions> {
  try {
    await LikeModel.create({ itemId: item._id, partnerId: item.partnerId, visitor: visitorHash, createdAt: now() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return { likes: await LikeModel.countDocuments({ itemId: item._id }), liked: true };
  }
  recordLikeWritten();
  return { likes: (await syncItemStats(item._id)).likes, liked: true };
}

/** Removes the visitor's like if there is one; returns the exact count. */
export async function unlikeItem(item: LikedItem, visitorHash: string): Promise<Reactions> {
  const { deletedCount } = await LikeModel.deleteOne({ itemId: item._id, visitor: visitorHash });
  if (deletedCount !== 1) return { likes: await LikeModel.countDocuments({ itemId: item._id }), liked: false };
  return { likes: (await syncItemStats(item._id)).likes, liked: false };
}

/** The item's like count (from the records) and whether this visitor likes it. */
export async function readReactions(itemId: string, visitorHash: string | undefined): Promise<Reactions> {
  const [likes, liked] = await Promise.all([
    LikeModel.countDocuments({ itemId }),
    visitorHash ? LikeModel.exists({ itemId, visitor: visitorHash }) : null,
  ]);
  return { likes, liked: !!liked };
}
