/**
 * Console sessions: an opaque random token in the cookie, its sha256 in MongoDB. A session
 * ends after 2 hours without a request (idle) and 12 hours after sign-in (absolute),
 * whichever comes first; signing in always opens a new one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SessionModel, type SessionDoc } from './session-model.js';

export const IDLE_TIMEOUT_MS = 2 * 3600_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600_000;
/** lastSeenAt is written at most this often: one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(`passerelle-session:${token}`).digest('hex');
}

function expiryOf(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(lastSeenAt.getTime() + IDLE_TIMEOUT_MS, createdAt.getTime() + ABSOLUTE_TIMEOUT_MS));
}

/** Opens a session; returns the token for the cookie (shown nowhere else). */
export async function openSession(
  agentId: string,
  via: SessionDoc['via'],
  now = new Date(),
): Promise<{ token: string; session: SessionDoc }> {
  const token = randomBytes(32).toString('base64url');
  const session: SessionDoc = {
    _id: hashSessionToken(token),
    agentId,
    csrf: randomBytes(24).toString('base64url'),
    via,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiryOf(now, now),
  };
  await SessionModel.create(session);
  return { token, session };
}

/** The live session of a cookie token, touched; undefined (and deleted) once expired. */
export async function resumeSession(token: string, now = new Date()): Promise<SessionDoc | undefined> {
  const id = hashSessionToken(token);
  // Through the driver, not a mongoose query: read on every console request, the query's
  // building, casting and option resolution cost more CPU than the read's own BSON; the
  // document is stored in its final shape (openSession), so there is nothing to cast.
  const session = (await SessionModel.collection.findOne({ _id: id as never })) as SessionDoc | null;
  if (!session) return undefined;
  if (expiryOf(session.createdAt, session.lastSeenAt) <= now) {
    await SessionModel.deleteOne({ _id: id });
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const expiresAt = expiryOf(session.createdAt, now);
    await SessionModel.updateOne({ _id: id }, { $set: { lastSeenAt: now, expiresAt } });
    return { ...session, lastSeenAt: now, expiresAt };
  }
  return session;
}

/** Whether a submitted CSRF token is the session's (constant time). */
export function checkCsrf(session: Pick<SessionDoc, 'csrf'>, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function closeSession(id: string): Promise<void> {
  await SessionModel.deleteOne({ _id: id });
}

/** « Sign out everywhere », deactivation, a new password: every session of the agent ends. */
export async function closeAgentSessions(agentId: string): Promise<number> {
  const { deletedCount } = await SessionModel.deleteMany({ agentId });
  return deletedCount;
}

export async function countAgentSessions(agentId: string): Promise<number> {
  return SessionModel.countDocuments({ agentId });
}

/** Keeps a message for the next page of this session. */
export async function setFlash(id: string, flash: NonNullable<SessionDoc['flash']>): Promise<void> {
  await SessionModel.updateOne({ _id: id }, { $set: { flash } });
}

/** The message kept for this page, removed as it is read. */
export async function takeFlash(session: SessionDoc): Promise<SessionDoc['flash']> {
  if (!session.flash) return undefined;
  await SessionModel.updateOne({ _id: session._id }, { $unset: { flash: '' } });
  return session.flash;
}
