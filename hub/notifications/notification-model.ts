import { Schema, model } from 'mongoose';
import type { Role } from '../../schemas/index.js';

/** What happened to the e-mails of a notification. */
export interface MailOutcome {
  status: 'sent' | 'partly-sent' | 'failed' | 'not-configured' | 'no-recipient';
  recipients: number;
  sent: number;
  error?: string;
}

/** One notification: listed in the console for its partner's agents (and platform admins), e-mailed when SMTP is set. */
export interface NotificationDoc {
  /** Its key: the same event notified twice (two hubs, a retry) is stored, and mailed, once. */
  _id: string;
  kind: string;
  /** The partner concerned; absent for the platform's own (platform admins). */
  partnerId?: string;
  /** Who it is for. */
  roles: Role[];
  title: string;
  body: string;
  /** Where the console shows the matter (a path under /console). */
  link?: string;
  createdAt: Date;
  mail?: MailOutcome;
}

const schema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    partnerId: String,
    roles: { type: [String], required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: String,
    createdAt: { type: Date, required: true },
    mail: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: true },
);
schema.index({ partnerId: 1, createdAt: -1 });
schema.index({ createdAt: -1 });

export const NotificationModel = model<NotificationDoc>('Notification', schema, 'notifications');
