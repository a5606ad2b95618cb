/**
 * E-mail through nodemailer when SMTP_URL is set. Without it nothing is sent and callers
 * learn so (status not-configured): the console lists every notification anyway.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly configured: boolean;
  /** Sends one message; throws when the server refuses it. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerSettings {
  smtpUrl?: string;
  /** Default: Passerelle <no-reply@host of publicUrl>. */
  from?: string;
  publicUrl: string;
}

/** The sender when MAIL_FROM is unset. */
export function defaultSender(publicUrl: string): string {
  return `Passerelle <no-reply@${new URL(publicUrl).hostname}>`;
}

export function createMailer(settings: MailerSettings): Mailer {
  if (!settings.smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('mail: SMTP_URL is not set');
      },
      close: () => undefined,
    };
  }
  // Timeouts ride on the URL's query, which nodemailer reads as options.
  const url = new URL(settings.smtpUrl);
  for (const [name, ms] of [
    ['connectionTimeout', '10000'],
    ['greetingTimeout', '10000'],
    ['socketTimeout', '20000'],
  ] as const)
    if (!url.searchParams.has(name)) url.searchParams.set(name, ms);
  const transport = nodemailer.createTransport(url.href);
  const from = settings.from ?? defaultSender(settings.publicUrl);
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from, ...message, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}
