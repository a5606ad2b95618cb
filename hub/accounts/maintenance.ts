/** What accounts keep tidy: the sessions' TTL index where the database has them, and purges. */
import { SessionModel } from './session-model.js';
import { purgePasswordLinks } from './links.js';
import { purgeOidcFlows } from './oidc.js';
import { purgeSignInFailures } from './throttle.js';

/**
 * Asks the database to remove sessions once expired (a TTL index). FerretDB 1.24 has no TTL
 * indexes: there the expiry is enforced on every read and purgeAccountData removes the rest.
 * Returns whether the index exists.
 */
export async function ensureSessionTtl(): Promise<boolean> {
  try {
    await SessionModel.collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    return true;
  } catch {
    return false;
  }
}

/** Removes expired sessions, links, OIDC flows and old sign-in failures; returns how many. */
export async function purgeAccountData(now = new Date()): Promise<Record<string, number>> {
  const [sessions, links, flows, failures] = await Promise.all([
    SessionModel.deleteMany({ expiresAt: { $lt: now } }).then((r) => r.deletedCount),
    purgePasswordLinks(now),
    purgeOidcFlows(now),
    purgeSignInFailures(now),
  ]);
  return { sessions, links, flows, failures };
}
