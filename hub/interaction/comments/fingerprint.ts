/**
 * Refuses the same body sent twice by the same visitor on the same item within 24 h (a
 * double click included): a fingerprint document whose unique _id is the hash of
 * (visitor, item, body), so two simultaneous sends cannot both pass.
 */
import { createHash } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../../db/index.js';
import { Conflict } from '../../domain-errors.js';
import { bodyFingerprint } from './text.js';

export const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000;

interface FingerprintDoc {
  _id: string;
  commentId: string;
  visitor: string;
  at: Date;
}

const schema = new Schema<FingerprintDoc>(
  {
    _id: String,
    commentId: { type: String, required: true },
    visitor: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ commentId: 1 });
schema.index({ visitor: 1 });
schema.index({ at: 1 });

export const FingerprintModel = model<FingerprintDoc>('CommentFingerprint', schema, 'comment_fingerprints');

function duplicate(): Error {
  return new Conflict('duplicate_comment', 'vous avez déjà envoyé ce commentaire sur ce contenu');
}

/** Records the fingerprint of a new comment; 409 duplicate_comment when it was sent in the last 24 h. */
export async function claimFingerprint(input: {
  visitor: string;
  itemId: string;
  body: string;
  commentId: string;
  at: Date;
}): Promise<void> {
  const id = createHash('sha256')
    .update(`${input.visitor}|${input.itemId}|${bodyFingerprint(input.body)}`)
    .digest('hex');
  const doc = { _id: id, commentId: input.commentId, visitor: input.visitor, at: input.at };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await FingerprintModel.create(doc);
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await FingerprintModel.findById(id).lean<FingerprintDoc>();
    if (existing && input.at.getTime() - existing.at.getTime() < DUPLICATE_WINDOW_MS) throw duplicate();
    // An old fingerprint: free it (only if unchanged) and try once more.
    if (existing) await FingerprintModel.deleteOne({ _id: id, at: existing.at });
  }
  throw duplicate();
}

/** Forgets the fingerprint of a comment (deleted by its author, or never stored). */
export async function releaseFingerprint(commentId: string): Promise<void> {
  await FingerprintModel.deleteMany({ commentId });
}
