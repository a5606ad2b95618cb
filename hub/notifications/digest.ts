/**
 * The daily digest of what awaits moderation: one notification per partner with comments
 * waiting, keyed by partner and day, so that several hubs running the job send it once.
 */
import { MODERATION_DIGEST } from './kinds.js';
import type { Notifications } from './notifications.js';

export interface DigestDeps {
  notifications: Notifications;
  /** Comments awaiting review, per partner id. */
  countAwaiting(): Promise<Map<string, number>>;
  partnerName(partnerId: string): string | undefined;
}

/** The day in Nouméa, YYYY-MM-DD. */
function noumeaDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(at);
}

/** Sends today's digests not yet sent; returns how many were. */
export async function sendModerationDigests(deps: DigestDeps, at = new Date()): Promise<number> {
  let sent = 0;
  for (const [partnerId, awaiting] of await deps.countAwaiting()) {
    if (awaiting < 1) continue;
    const created = await deps.notifications.notify(MODERATION_DIGEST, {
      partnerId,
      key: `moderation-digest:${partnerId}:${noumeaDay(at)}`,
      data: { partnerName: deps.partnerName(partnerId) ?? partnerId, awaiting },
      at,
    });
    if (created) sent += 1;
  }
  return sent;
}
