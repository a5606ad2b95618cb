/**
 * « Moi aussi »: one support per (wish, visitor) by unique index; the wish's `supports`
 * is a copy kept equal to the records (hub/db/count-copy.ts), never incremented.
 */
import { createCountSync, isDuplicateKey } from '../../db/index.js';
import { Conflict, NotFound } from '../../domain-errors.js';
import { interactionNow } from '../../interaction/index.js';
import { SupportModel } from './support-model.js';
import { CLOSED_STATUSES, WishModel, type WishDoc } from './wish-model.js';

export interface SupportState {
  supports: number;
  supported: boolean;
}

/** Brings a wish's stored `supports` in line with its records; resolves with the exact count. */
export const syncWishSupports = createCountSync({
  count: (wishId) => SupportModel.countDocuments({ wishId }),
  read: async (wishId) =>
    (await WishModel.findById(wishId, { supports: 1 }).lean<Pick<WishDoc, 'supports'>>())?.supports,
  write: async (wishId, supports) => {
    await WishModel.updateOne({ _id: wishId }, { $set: { supports } });
  },
});

/** A published wish; 404 otherwise. */
export async function loadPublicWish(id: string): Promise<WishDoc> {
  const wish = await WishModel.findById(id).lean<WishDoc>();
  if (!wish || wish.moderation !== 'published') throw new NotFound(`le souhait ${id}`);
  return wish;
}

/** Adds the visitor's support (once); 409 wish_closed when the wish is answered or closed. */
export async function supportWish(wish: WishDoc, visitorHash: string): Promise<SupportState> {
  if (CLOSED_STATUSES.includes(wish.status))
    throw new Conflict('wish_closed', 'ce souhait a reçu sa réponse : il ne prend plus de soutiens');
  try {
    await SupportModel.create({ wishId: wish._id, visitor: visitorHash, createdAt: interactionNow() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return { supports: await SupportModel.countDocuments({ wishId: wish._id }), supported: true };
  }
  return { supports: await syncWishSupports(wish._id), supported: true };
}

/** Withdraws the visitor's support, if any (always allowed). */
export async function withdrawSupport(wish: WishDoc, visitorHash: string): Promise<SupportState> {
  const { deletedCount } = await SupportModel.deleteOne({ wishId: wish._id, visitor: visitorHash });
  if (deletedCount !== 1)
    return { supports: await SupportModel.countDocuments({ wishId: wish._id }), supported: false };
  return { supports: await syncWishSupports(wish._id), supported: false };
}

/** Which of these wishes the visitor supports. */
export async function listSupported(wishIds: string[], visitorHash: string | undefined): Promise<Set<string>> {
  if (!visitorHash || !wishIds.length) return new Set();
  const rows = await SupportModel.find({ visitor: visitorHash, wishId: { $in: wishIds } }, { wishId: 1 }).lean<
    { wishId: string }[]
  >();
  return new Set(rows.map((r) => r.wishId));
}
