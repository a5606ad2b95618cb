/**
 * Sign-in throttling, per account and per address. After `delayAfter` failures within 15
 * minutes each new attempt must wait a growing delay (1 s, 2 s, 4 s… at most 5 min) after
 * the last failure; from `lockAfter` failures the key is locked until 15 minutes after
 * its last failure. Refused attempts are not counted, so a lock ends on time.
 *
 * Each attempt is inserted first and judged against every other recorded attempt, so that
 * a burst of parallel guesses is throttled as surely as a sequence (the same
 * insert-then-count as the interaction rate limits: FerretDB loses concurrent $inc).
 */
import { randomBytes } from 'node:crypto';
import { SignInFailureModel, type SignInFailureDoc } from './sign-in-model.js';

export interface ThrottleRule {
  delayAfter: number;
  lockAfter: number;
}

export const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 5 * 60_000;

/** An account: 5 failures, then delays; 10, then locked. */
export const ACCOUNT_RULE: ThrottleRule = { delayAfter: 5, lockAfter: 10 };
/**
 * An address: looser, because a town hall's agents share one address; 20 failures, then
 * delays; 50, then locked.
 */
export const ADDRESS_RULE: ThrottleRule = { delayAfter: 20, lockAfter: 50 };

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** An attempt under way: settle it once the password was checked. */
export interface Attempt {
  /** The attempt may go on; otherwise it was refused (and not counted) until `retryAt`. */
  allowed: boolean;
  retryAt?: Date;
  /** The password was right: the attempt and the account's past failures are forgotten. */
  succeeded(): Promise<void>;
}

/** When a key with these earlier failures may try again; undefined: now. */
export function throttledUntil(earlier: Date[], rule: ThrottleRule): Date | undefined {
  const last = earlier[0];
  if (!last) return undefined;
  if (earlier.length >= rule.lockAfter) return new Date(last.getTime() + WINDOW_MS);
  if (earlier.length < rule.delayAfter) return undefined;
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (earlier.length - rule.delayAfter));
  return new Date(last.getTime() + delay);
}

/**
 * The other failures of a key in the window, newest first: settled ones and attempts still
 * in flight alike. Counting every other attempt (not only those before this one) bounds a
 * burst exactly: of the attempts let through, the last to count saw all the others. Two
 * attempts at the very same time may then both be refused: the safe side.
 */
async function otherFailures(key: string, mine: SignInFailureDoc, now: Date): Promise<Date[]> {
  const docs = await SignInFailureModel.find({ k: key, at: { $gt: new Date(now.getTime() - WINDOW_MS) } })
    .sort({ at: -1 })
    .lean<SignInFailureDoc[]>();
  return docs.filter((d) => d._id !== mine._id).map((d) => d.at);
}

/** Starts an attempt against every key: counted as a failure unless it succeeds. */
export async function beginAttempt(keys: ThrottleKey[], now = new Date()): Promise<Attempt> {
  const mine = keys.map(({ key }) => ({ _id: randomBytes(9).toString('base64url'), k: key, at: now }));
  await SignInFailureModel.insertMany(mine);
  const until = await Promise.all(
    keys.map(async ({ key, rule }, i) => throttledUntil(await otherFailures(key, mine[i]!, now), rule)),
  );
  const blocked = until.filter((d): d is Date => !!d && d > now).sort((a, b) => b.getTime() - a.getTime());
  const forget = () => SignInFailureModel.deleteMany({ _id: { $in: mine.map((m) => m._id) } });
  if (blocked[0]) {
    await forget();
    return { allowed: false, retryAt: blocked[0], succeeded: async () => undefined };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await forget();
      // The account's slate is wiped by a right password; the address keeps its count.
      const account = keys[0];
      if (account) await SignInFailureModel.deleteMany({ k: account.key });
    },
  };
}

/** Failures older than a day are no longer read. */
export async function purgeSignInFailures(now = new Date()): Promise<number> {
  const { deletedCount } = await SignInFailureModel.deleteMany({ at: { $lt: new Date(now.getTime() - 86_400_000) } });
  return deletedCount;
}
