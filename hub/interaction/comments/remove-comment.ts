/**
 * Deleting a comment as its author (or an erasure) does: a top-level comment that has
 * replies becomes an empty placeholder so the replies stay readable; anything else goes.
 * The caller syncs the item's stats afterwards.
 */
import { FlagModel } from '../flags/flag-model.js';
import { CommentModel, type CommentDoc } from './comment-model.js';
import { releaseFingerprint } from './fingerprint.js';

const PERSONAL_FIELDS = {
  visitor: 1,
  editTokenHash: 1,
  editableUntil: 1,
  ipHash: 1,
  editedAt: 1,
  hiddenReason: 1,
  approvedAt: 1,
  flagsClearedAt: 1,
} as const;

async function hasReplies(parentId: string): Promise<boolean> {
  return !!(await CommentModel.exists({ parentId, status: { $ne: 'deleted' } }));
}

/** Removes a comment (placeholder when it has replies); returns the item whose stats may have changed. */
export async function removeComment(doc: CommentDoc, at: Date): Promise<string> {
  await Promise.all([FlagModel.deleteMany({ commentId: doc._id }), releaseFingerprint(doc._id)]);
  if (!doc.parentId && (await hasReplies(doc._id))) {
    await CommentModel.updateOne(
      { _id: doc._id },
      { $set: { status: 'deleted', author: '', body: '', deletedAt: at }, $unset: PERSONAL_FIELDS },
    );
    return doc.itemId;
  }
  await CommentModel.deleteOne({ _id: doc._id });
  if (doc.parentId) {
    // The last reply of a placeholder takes the placeholder with it.
    const parent = await CommentModel.findById(doc.parentId, { status: 1 }).lean<Pick<CommentDoc, 'status'>>();
    if (parent?.status === 'deleted' && !(await hasReplies(doc.parentId)))
      await CommentModel.deleteOne({ _id: doc.parentId, status: 'deleted' });
  }
  return doc.itemId;
}
