/**
 * E-mail follow-up of a wish: an address is stored `pending` and sent one confirmation
 * link (double opt-in); once confirmed it is told of every public step. Every mail carries
 * an unsubscribe link (and List-Unsubscribe for one-click), which erases the address.
 * Sending is best effort: a mail server that fails never fails the citizen's or the
 * agent's action (the failure is logged).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFound } from '../../domain-errors.js';
import { interactionNow } from '../../interaction/index.js';
import { getServerSecret } from '../../secrets/index.js';
import type { Logger } from '../../log.js';
import type { VoiceMailer } from '../deps.js';
import { confirmationMail, stepMail, type FollowUpLinks, type StepNews } from './messages.js';
import { SubscriptionModel, type SubscriptionDoc } from './subscription-model.js';

const DAY = 86_400_000;
/** Unconfirmed addresses are erased after this. */
export const PENDING_DAYS = 7;
/** Addresses of a closed wish are erased after this. */
export const CLOSED_WISH_DAYS = 90;

export interface FollowUpDeps {
  publicUrl: string;
  mailer?: VoiceMailer;
  log: Logger;
}

/** The token of a subscription's links: its id and an HMAC of it, so every mail's links keep working. */
async function signToken(id: string): Promise<string> {
  const mac = createHmac('sha256', await getServerSecret('follow-up'))
    .update(id)
    .digest('base64url');
  return `${id}.${mac}`;
}

/** The subscription id of a genuine token, else undefined. */
async function readToken(token: string): Promise<string | undefined> {
  const [id = '', mac = ''] = token.split('.');
  const expected = Buffer.from((await signToken(id)).split('.')[1] ?? '');
  const given = Buffer.from(mac);
  return id && given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/** The links of one subscription's mails (portal pages, and the API's one-click POST). */
export function buildLinks(publicUrl: string, wishId: string, token: string): FollowUpLinks {
  const base = publicUrl.replace(/\/$/, '');
  const t = encodeURIComponent(token);
  return {
    wishUrl: `${base}/souhaits/${encodeURIComponent(wishId)}`,
    confirmUrl: `${base}/souhaits/suivi/confirmer?jeton=${t}`,
    unsubscribeUrl: `${base}/souhaits/suivi/arreter?jeton=${t}`,
    oneClickUrl: `${base}/api/v1/wishes/follow-up/unsubscribe?token=${t}`,
  };
}

export interface FollowUp {
  /** Stores the address (pending) and sends the confirmation link; 'sent' or 'not-sent'. */
  subscribe(wish: { _id: string; title: string }, email: string, visitorHash?: string): Promise<'sent' | 'not-sent'>;
  /** Confirms an address; 404 when the token is unknown (or the address already erased). */
  confirm(token: string): Promise<{ wishId: string }>;
  /** Erases the address; idempotent (unknown token: nothing to do). */
  unsubscribe(token: string): Promise<{ erased: boolean }>;
  /** Tells the confirmed addresses of a wish about a new step. */
  announce(wishId: string, news: StepNews): Promise<number>;
}

export function createFollowUp(deps: FollowUpDeps): FollowUp {
  const log = deps.log.child({ module: 'voice' });

  async function deliver(mail: Parameters<VoiceMailer['send']>[0]): Promise<boolean> {
    if (!deps.mailer?.configured) return false;
    try {
      await deps.mailer.send(mail);
      return true;
    } catch (err) {
      log.error({ err }, 'voice: follow-up mail failed');
      return false;
    }
  }

  return {
    async subscribe(wish, email, visitorHash) {
      const id = randomBytes(12).toString('base64url');
      await SubscriptionModel.create({
        _id: id,
        wishId: wish._id,
        email,
        status: 'pending',
        ...(visitorHash ? { visitor: visitorHash } : {}),
        createdAt: interactionNow(),
      });
      const links = buildLinks(deps.publicUrl, wish._id, await signToken(id));
      return (await deliver(confirmationMail(email, wish.title, links))) ? 'sent' : 'not-sent';
    },
    async confirm(token) {
      const id = await readToken(token);
      const doc = await SubscriptionModel.findOneAndUpdate(
        { _id: id ?? '' },
        { $set: { status: 'confirmed', confirmedAt: interactionNow() } },
        { new: true },
      ).lean<SubscriptionDoc>();
      if (!doc) throw new NotFound('ce lien de suivi (déjà utilisé pour se désabonner, ou expiré)');
      return { wishId: doc.wishId };
    },
    async unsubscribe(token) {
      const id = await readToken(token);
      const { deletedCount } = id ? await SubscriptionModel.deleteOne({ _id: id }) : { deletedCount: 0 };
      return { erased: deletedCount === 1 };
    },
    async announce(wishId, news) {
      const subscribers = await SubscriptionModel.find({ wishId, status: 'confirmed' }).lean<SubscriptionDoc[]>();
      let sent = 0;
      for (const s of subscribers) {
        if (await deliver(stepMail(s.email, news, buildLinks(deps.publicUrl, wishId, await signToken(s._id)))))
          sent += 1;
      }
      return sent;
    },
  };
}

/** Erases unconfirmed addresses after 7 days and those of wishes closed 90 days ago. */
export async function purgeFollowUps(at: Date, closedWishIds: (before: Date) => Promise<string[]>): Promise<number> {
  const pending = await SubscriptionModel.deleteMany({
    status: 'pending',
    createdAt: { $lt: new Date(at.getTime() - PENDING_DAYS * DAY) },
  });
  const closed = await closedWishIds(new Date(at.getTime() - CLOSED_WISH_DAYS * DAY));
  const old = closed.length ? await SubscriptionModel.deleteMany({ wishId: { $in: closed } }) : { deletedCount: 0 };
  return pending.deletedCount + old.deletedCount;
}
