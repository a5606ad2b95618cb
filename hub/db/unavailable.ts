/** The database being out of reach, recognised once at the database edge. */

/** The driver's and mongoose's ways of saying that no server can be reached now. */
const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoPoolClosedError',
]);
/** mongoose's own, without a class of their own. */
const UNAVAILABLE_MESSAGE = /before initial connection is complete|buffering timed out|Connection was force closed/;

/**
 * True when an error means the database cannot be reached (down, restarting, network
 * gone) rather than that the operation is wrong: the request may be tried again later.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current = err as { name?: string; message?: string; cause?: unknown } | null | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (UNAVAILABLE.has(current.name ?? '')) return true;
    if (current.name === 'MongooseError' && UNAVAILABLE_MESSAGE.test(current.message ?? '')) return true;
    current = current.cause as typeof current;
  }
  return false;
}
