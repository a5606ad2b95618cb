/** Opaque "load more" cursors over (createdAt, id), oldest first. */
import { InvalidInput } from '../../domain-errors.js';

/** The position after a comment. */
export function encodeCursor(doc: { _id: string; createdAt: Date }): string {
  return Buffer.from(JSON.stringify([doc.createdAt.getTime(), doc._id])).toString('base64url');
}

/** The query filter for comments after a cursor; 400 invalid_input when it is not one of ours. */
export function afterCursor(cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  let at: unknown;
  let id: unknown;
  try {
    [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  } catch {
    at = undefined;
  }
  if (typeof at !== 'number' || typeof id !== 'string')
    throw new InvalidInput([{ field: 'cursor', message: 'curseur invalide' }]);
  const t = new Date(at);
  if (!Number.isFinite(t.getTime())) throw new InvalidInput([{ field: 'cursor', message: 'curseur invalide' }]);
  return { $or: [{ createdAt: { $gt: t } }, { createdAt: t, _id: { $gt: id } }] };
}
