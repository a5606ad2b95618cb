/** An item's true counts, from the records themselves. */
import { CommentModel } from '../comments/comment-model.js';
import { LikeModel } from '../likes/like-model.js';

export interface ItemStats {
  likes: number;
  comments: number;
}

/** Likes and published comments (replies included) of an item, counted from the records. */
export async function countItemStats(itemId: string): Promise<ItemStats> {
  const [likes, comments] = await Promise.all([
    LikeModel.countDocuments({ itemId }),
    CommentModel.countDocuments({ itemId, status: 'published' }),
  ]);
  return { likes, comments };
}
