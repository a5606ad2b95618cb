/** Driver errors translated once, at the database edge. */

/** True for MongoDB's duplicate-key error (E11000), from any driver layer. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; codeName?: string; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return (
    e.code === 11000 ||
    e.code === 11001 ||
    e.codeName === 'DuplicateKey' ||
    (e.cause !== undefined && isDuplicateKey(e.cause))
  );
}
