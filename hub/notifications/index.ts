/**
 * Notifications: kinds (who receives what), the service that stores each one once, lists it
 * in the console and e-mails it when SMTP_URL is set (nodemailer), and the daily digest.
 */
export {
  createNotifications,
  type NotificationView,
  type Notifications,
  type NotificationsDeps,
  type Recipient,
  type Viewer,
} from './notifications.js';
export { createMailer, defaultSender, type Mailer, type MailMessage } from './mailer.js';
export {
  defineNotificationKind,
  MODERATION_DIGEST,
  NOTIFICATION_KINDS,
  SOURCE_FAILING,
  SOURCE_RECOVERED,
  type NotificationKind,
  type NotificationText,
  type SourceHealthData,
} from './kinds.js';
export { sendModerationDigests, type DigestDeps } from './digest.js';
export type { MailOutcome } from './notification-model.js';
