/** Agents and citizens: the first account, mail, sign-in, moderation of wishes. */
import { define, EMAIL, httpUrl, optional } from './parse.js';

export const PEOPLE_VARIABLES = [
  define({
    name: 'ADMIN_EMAIL',
    key: 'adminEmail',
    default: '',
    doc: 'E-mail of the first platform-admin account of the console, created at start with `ADMIN_PASSWORD` when no account has this address.',
    parse: optional((raw) => {
      if (!EMAIL.test(raw)) throw new Error('must be an e-mail address');
      return raw.toLowerCase();
    }),
  }),
  define({
    name: 'ADMIN_PASSWORD',
    secret: true,
    key: 'adminPassword',
    default: '',
    doc: 'Password of that first account (at least 12 characters); used only when the account is created, never to reset it (see `npm run create-admin`).',
    parse: optional((raw) => {
      if (raw.length < 12) throw new Error('must be at least 12 characters');
      return raw;
    }),
  }),
  define({
    name: 'SMTP_URL',
    secret: true,
    key: 'smtpUrl',
    default: '',
    doc: 'Mail server for notifications and links, e.g. `smtps://user:password@smtp.example.nc:465` (unset: no e-mail; notifications stay listed in the console).',
    parse: optional((raw) => {
      if (!/^smtps?:\/\/[^/]+/.test(raw)) throw new Error('must start with smtp:// or smtps://');
      return raw;
    }),
  }),
  define({
    name: 'MAIL_FROM',
    key: 'mailFrom',
    default: '',
    doc: 'Sender of the e-mails (default `Passerelle <no-reply@` + the host of `PUBLIC_URL` + `>`).',
    parse: optional((raw) => raw),
  }),
  define({
    name: 'OIDC_ISSUER',
    key: 'oidcIssuer',
    default: '',
    doc: "OpenID Connect issuer of the government's identity provider (unset: password sign-in only). Its redirect URI is `PUBLIC_URL/console/connexion/oidc/retour`.",
    parse: optional(httpUrl),
  }),
  define({
    name: 'OIDC_CLIENT_ID',
    key: 'oidcClientId',
    default: '',
    doc: "Passerelle's client id at that provider.",
    parse: optional((raw) => raw),
  }),
  define({
    name: 'OIDC_CLIENT_SECRET',
    secret: true,
    key: 'oidcClientSecret',
    default: '',
    doc: "Passerelle's client secret at that provider.",
    parse: optional((raw) => raw),
  }),
  define({
    name: 'OIDC_LABEL',
    key: 'oidcLabel',
    default: "le compte de l'administration",
    doc: 'What the sign-in button names: « Se connecter avec … ».',
    parse: (raw) => raw,
  }),
  define({
    name: 'WISHES_MODERATION',
    key: 'wishesModeration',
    default: 'pre',
    doc: "Moderation of citizens' wishes: pre (shown once approved), post (shown at once) or first-time (approved once per visitor).",
    parse: (raw) => {
      if (raw !== 'pre' && raw !== 'post' && raw !== 'first-time') throw new Error('must be pre, post or first-time');
      return raw;
    },
  }),
] as const;
