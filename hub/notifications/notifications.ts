/**
 * The notifications service: stores a notification once (under its key, whatever the
 * number of hubs), e-mails the partner's agents who should know when SMTP is set, and
 * lists notifications in the console, so that nothing depends on mail.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import type { Logger } from '../log.js';
import type { NotificationKind } from './kinds.js';
import type { Mailer } from './mailer.js';
import { NotificationModel, type MailOutcome, type NotificationDoc } from './notification-model.js';

export interface Recipient {
  email: string;
  name: string;
}

export interface NotificationsDeps {
  mailer: Mailer;
  /** Active agents of a partner (undefined: the platform admins) holding one of these roles. */
  recipients(partnerId: string | undefined, roles: readonly Role[]): Promise<Recipient[]>;
  /** For absolute links in e-mails. */
  publicUrl: string;
  log: Logger;
}

/** Who reads a list: a partner's agent with a role, or a platform admin (everything). */
export interface Viewer {
  role: Role;
  partnerId?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  partnerId?: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  mail?: MailOutcome;
}

export interface Notifications {
  /** Stores and mails a notification; undefined when this key was notified already. */
  notify<D>(
    kind: NotificationKind<D>,
    event: { partnerId?: string; key?: string; data: D; at?: Date },
  ): Promise<NotificationView | undefined>;
  /** What a viewer may read, newest first. */
  list(
    viewer: Viewer,
    page?: { page?: number; limit?: number },
  ): Promise<{ total: number; notifications: NotificationView[] }>;
  /** How many the viewer has not seen since `since`. */
  countSince(viewer: Viewer, since: Date | undefined): Promise<number>;
  /** A message to one person (an invitation, a reset link): not listed, never to anyone else. */
  sendDirect(to: Recipient, text: { subject: string; body: string }): Promise<MailOutcome>;
  readonly mailConfigured: boolean;
}

function toView({ _id, createdAt, roles: _roles, ...rest }: NotificationDoc): NotificationView {
  return { id: _id, ...rest, createdAt: createdAt.toISOString() };
}

function visibleTo(viewer: Viewer): Record<string, unknown> {
  if (viewer.role === 'platform-admin') return {};
  return { partnerId: viewer.partnerId ?? '-', roles: viewer.role };
}

const SIGNATURE =
  '\n\n— Passerelle, la plateforme des partenaires de service-public.nc\nCe message est envoyé automatiquement.';

export function createNotifications(deps: NotificationsDeps): Notifications {
  const absolute = (link?: string) => (link ? `${deps.publicUrl}${link}` : undefined);

  async function mailAll(recipients: Recipient[], subject: string, text: string): Promise<MailOutcome> {
    if (!deps.mailer.configured) return { status: 'not-configured', recipients: recipients.length, sent: 0 };
    if (!recipients.length) return { status: 'no-recipient', recipients: 0, sent: 0 };
    let sent = 0;
    let error: string | undefined;
    for (const r of recipients) {
      try {
        await deps.mailer.send({ to: `"${r.name.replaceAll('"', '')}" <${r.email}>`, subject, text });
        sent += 1;
      } catch (err) {
        error = (err as Error).message;
        deps.log.warn({ err, to: r.email }, 'notifications: e-mail refused');
      }
    }
    const status = sent === recipients.length ? 'sent' : sent ? 'partly-sent' : 'failed';
    return { status, recipients: recipients.length, sent, ...(error ? { error: error.slice(0, 300) } : {}) };
  }

  return {
    mailConfigured: deps.mailer.configured,
    async notify(kind, event) {
      const text = kind.render(event.data);
      const doc: NotificationDoc = {
        _id: event.key ?? `${kind.kind}:${randomBytes(8).toString('hex')}`,
        kind: kind.kind,
        ...(event.partnerId ? { partnerId: event.partnerId } : {}),
        roles: [...kind.roles],
        ...text,
        createdAt: event.at ?? new Date(),
      };
      try {
        await NotificationModel.create(doc);
      } catch (err) {
        if (isDuplicateKey(err)) return undefined;
        throw err;
      }
      const link = absolute(text.link);
      const body = `${text.body}${link ? `\n\nDans la console : ${link}` : ''}${SIGNATURE}`;
      const mail = await mailAll(await deps.recipients(event.partnerId, kind.roles), text.title, body);
      await NotificationModel.updateOne({ _id: doc._id }, { $set: { mail } });
      deps.log.info({ kind: kind.kind, partnerId: event.partnerId, mail: mail.status }, 'notifications: sent');
      return toView({ ...doc, mail });
    },
    async list(viewer, { page = 1, limit = 30 } = {}) {
      const filter = visibleTo(viewer);
      const [docs, total] = await Promise.all([
        NotificationModel.find(filter)
          .sort({ createdAt: -1, _id: 1 })
          .skip((page - 1) * limit)
          .limit(limit)
          .lean<NotificationDoc[]>(),
        NotificationModel.countDocuments(filter),
      ]);
      return { total, notifications: docs.map(toView) };
    },
    countSince(viewer, since) {
      return NotificationModel.countDocuments({
        ...visibleTo(viewer),
        ...(since ? { createdAt: { $gt: since } } : {}),
      });
    },
    sendDirect(to, text) {
      return mailAll([to], text.subject, `${text.body}${SIGNATURE}`);
    },
  };
}
