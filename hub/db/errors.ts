/** Driver errors translated once, at the database edge. */

interface DriverError {
  code?: unknown;
  codeName?: unknown;
  errmsg?: unknown;
  message?: unknown;
  cause?: unknown;
  errorResponse?: unknown;
}

/**
 * FerretDB 1.24 on SQLite reports a unique index broken by an *update* (not by an insert)
 * as `InternalError` (code 1) whose message carries SQLite's own words, e.g. « constraint
 * failed: UNIQUE constraint failed: index 'sources_…_kind_1_url_1' (2067) ».
 */
const FERRETDB_UNIQUE = /UNIQUE constraint failed|\(2067\)|E11000 duplicate key/;

/**
 * True for a duplicate-key error, from MongoDB (E11000, code 11000/11001, codeName
 * DuplicateKey) or from FerretDB on SQLite, at any driver layer (cause, errorResponse).
 */
export function isDuplicateKey(err: unknown, depth = 0): boolean {
  const e = err as DriverError | null;
  if (!e || typeof e !== 'object' || depth > 4) return false;
  if (e.code === 11000 || e.code === 11001 || e.codeName === 'DuplicateKey') return true;
  const text = [e.errmsg, e.message].filter((m): m is string => typeof m === 'string').join(' ');
  if (FERRETDB_UNIQUE.test(text)) return true;
  return isDuplicateKey(e.cause, depth + 1) || isDuplicateKey(e.errorResponse, depth + 1);
}
