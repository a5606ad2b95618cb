/** What the public API shows of a comment: never the visitor, address or token hashes. */
import type { Comment } from '../../../schemas/index.js';
import type { CommentDoc } from './comment-model.js';

/** The public shape; `withStatus` for the answer to the comment's own author. */
export function toPublicComment(doc: CommentDoc, withStatus = false): Comment {
  if (doc.status === 'deleted') {
    return {
      id: doc._id,
      parentId: doc.parentId,
      author: '',
      body: '',
      createdAt: doc.createdAt.toISOString(),
      deleted: true,
    };
  }
  return {
    id: doc._id,
    parentId: doc.parentId,
    author: doc.author,
    body: doc.body,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.editedAt ? { editedAt: doc.editedAt.toISOString() } : {}),
    ...(doc.official ? { official: { partnerId: doc.official.partnerId, partnerName: doc.official.partnerName } } : {}),
    ...(withStatus ? { status: doc.status } : {}),
  };
}
