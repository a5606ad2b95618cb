/**
 * The one typed, validated configuration of the hub, read from environment variables.
 * Each variable is declared once in VARIABLES (name, default, meaning, parser); the README
 * table and the docker-compose check are tested against this list.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  mongodbUri: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  logLevel: LogLevel;
  bodyLimitKb: number;
  sourceAllowedHosts: string[];
  trustedProxies: string[];
  websubHubUrl: string | undefined;
  schedulerEnabled: boolean;
  schedulerConcurrency: number;
  schedulerTickSeconds: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  runMaxBytes: number;
  runMaxItems: number;
  runTimeoutSeconds: number;
  readerThreads: number;
  readerMemoryMb: number;
  schedulerLeaseSeconds: number;
  ipHashSecret: string | undefined;
  credentialsKey: string | undefined;
  seedOnStart: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  oidcIssuer: string | undefined;
  oidcClientId: string | undefined;
  oidcClientSecret: string | undefined;
  oidcLabel: string;
}

/** Thrown for an invalid variable; main prints its message as the one line before exiting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface Variable<K extends keyof Config> {
  name: string;
  key: K;
  default: string | undefined;
  doc: string;
  parse: (raw: string, env: NodeJS.ProcessEnv) => Config[K];
  /** Never repeated in an error message (a password, a secret). */
  secret?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new Error(`must be an integer from ${min} to ${max}`);
    return n;
  };
}

function boolean(raw: string): boolean {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('must be true or false');
}

function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('must be an absolute http(s) URL');
  return url.href.replace(/\/$/, '');
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function optional<T>(parse: (raw: string) => T) {
  return (raw: string): T | undefined => (raw === '' ? undefined : parse(raw));
}

function define<K extends keyof Config>(v: Variable<K>): Variable<K> {
  return v;
}

/** Every environment variable the hub reads, in the order of the README table. */
export const VARIABLES = [
  define({
    name: 'PORT',
    key: 'port',
    default: '8080',
    doc: 'HTTP port (0 picks a free one).',
    parse: integer(0, 65535),
  }),
  define({
    name: 'HOST',
    key: 'host',
    default: '0.0.0.0',
    doc: 'Address to listen on.',
    parse: (raw) => {
      if (raw !== 'localhost' && !isIP(raw)) throw new Error('must be an IP address or localhost');
      return raw;
    },
  }),
  define({
    name: 'PUBLIC_URL',
    key: 'publicUrl',
    default: undefined,
    doc: "The hub's public origin, used in feeds, widgets and CORS (default `http://localhost:$PORT`).",
    parse: httpUrl,
  }),
  define({
    name: 'MONGODB_URI',
    key: 'mongodbUri',
    default: '',
    doc: 'MongoDB connection string. Unset: a local server is started (`mongod` on PATH, else FerretDB 1.24 on SQLite under `DATA_DIR`).',
    parse: optional((raw) => {
      if (!/^mongodb(\+srv)?:\/\/[^/]+/.test(raw)) throw new Error('must start with mongodb:// or mongodb+srv://');
      return raw;
    }),
  }),
  define({
    name: 'DATA_DIR',
    key: 'dataDir',
    default: './data',
    doc: 'Where the local database keeps its files when `MONGODB_URI` is unset.',
    parse: (raw) => resolve(raw),
  }),
  define({
    name: 'ADMIN_TOKEN',
    key: 'adminToken',
    default: '',
    doc: 'Platform-admin bearer token (at least 24 characters). Unset: one is generated, stored hashed and printed once at first start.',
    parse: optional((raw) => {
      if (raw.length < 24 || /\s/.test(raw)) throw new Error('must be at least 24 characters without spaces');
      return raw;
    }),
  }),
  define({
    name: 'LOG_LEVEL',
    key: 'logLevel',
    default: 'info',
    doc: 'fatal, error, warn, info, debug, trace or silent.',
    parse: (raw) => {
      if (!LOG_LEVELS.includes(raw as LogLevel)) throw new Error(`must be one of ${LOG_LEVELS.join(', ')}`);
      return raw as LogLevel;
    },
  }),
  define({
    name: 'BODY_LIMIT_KB',
    key: 'bodyLimitKb',
    default: '256',
    doc: 'Largest JSON request body accepted, in KiB.',
    parse: integer(1, 10240),
  }),
  define({
    name: 'SOURCE_ALLOWED_HOSTS',
    key: 'sourceAllowedHosts',
    default: '',
    doc: 'Comma-separated hosts that sources may reach although they are loopback or private.',
    parse: list,
  }),
  define({
    name: 'TRUSTED_PROXIES',
    key: 'trustedProxies',
    default: '',
    doc: 'Comma-separated proxy IP addresses whose `X-Forwarded-For` is believed.',
    parse: (raw) => {
      const ips = list(raw);
      const bad = ips.find((ip) => !isIP(ip));
      if (bad) throw new Error(`"${bad}" is not an IP address`);
      return ips;
    },
  }),
  define({
    name: 'WEBSUB_HUB_URL',
    key: 'websubHubUrl',
    default: '',
    doc: 'WebSub hub pinged when feeds change (unset: no ping).',
    parse: optional(httpUrl),
  }),
  define({
    name: 'SCHEDULER_ENABLED',
    key: 'schedulerEnabled',
    default: 'true',
    doc: 'Run sources on their schedule in this process.',
    parse: boolean,
  }),
  define({
    name: 'SCHEDULER_CONCURRENCY',
    key: 'schedulerConcurrency',
    default: '4',
    doc: 'Sources fetched at once by this process (at most 2 per partner host).',
    parse: integer(1, 64),
  }),
  define({
    name: 'SCHEDULER_TICK_SECONDS',
    key: 'schedulerTickSeconds',
    default: '30',
    doc: 'How often the scheduler looks for due sources (1–59 s).',
    parse: integer(1, 59),
  }),
  define({
    name: 'FETCH_TIMEOUT_MS',
    key: 'fetchTimeoutMs',
    default: '30000',
    doc: 'Total time allowed for one fetch of a source.',
    parse: integer(1000, 600000),
  }),
  define({
    name: 'FETCH_MAX_BYTES',
    key: 'fetchMaxBytes',
    default: '20971520',
    doc: 'Largest source body accepted, after decompression.',
    parse: integer(1024, 1073741824),
  }),
  define({
    name: 'RUN_MAX_BYTES',
    key: 'runMaxBytes',
    default: undefined,
    doc: 'Bytes read in one run of a source, all pages together (default: `FETCH_MAX_BYTES`); past it the pages stop and the run is partial.',
    parse: integer(1024, 1073741824),
  }),
  define({
    name: 'RUN_MAX_ITEMS',
    key: 'runMaxItems',
    default: '20000',
    doc: 'Entries taken in one run of a source; past it the run is partial, the rest is left and nothing is withdrawn.',
    parse: integer(1, 1000000),
  }),
  define({
    name: 'RUN_TIMEOUT_SECONDS',
    key: 'runTimeoutSeconds',
    default: '300',
    doc: 'Time allowed to read one source (fetch, parse, map) in its reader thread; past it the run fails with `timeout`.',
    parse: integer(5, 3600),
  }),
  define({
    name: 'READER_THREADS',
    key: 'readerThreads',
    default: '2',
    doc: 'Worker threads that read sources (runs and previews) off the main thread; more sources wait their turn.',
    parse: integer(1, 16),
  }),
  define({
    name: 'READER_MEMORY_MB',
    key: 'readerMemoryMb',
    default: '512',
    doc: 'Heap limit of each reader thread, in MiB; a source that needs more fails with `too_large`.',
    parse: integer(64, 8192),
  }),
  define({
    name: 'SCHEDULER_LEASE_SECONDS',
    key: 'schedulerLeaseSeconds',
    default: '60',
    doc: "How long a claim on a running source lasts without renewal (renewed every third of it); a crashed hub's run is marked interrupted after it.",
    parse: integer(15, 3600),
  }),
  define({
    name: 'IP_HASH_SECRET',
    key: 'ipHashSecret',
    default: '',
    doc: 'Extra secret mixed into the keyed hash of IP addresses, on top of the random daily salts kept in the database (optional).',
    parse: optional((raw) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters');
      return raw;
    }),
  }),
  define({
    name: 'CREDENTIALS_KEY',
    key: 'credentialsKey',
    default: '',
    doc: "Key that encrypts sources' credentials at rest (32+ characters, e.g. `openssl rand -base64 32`). Unset: a random key kept in the database (credentials are still never shown, but a copy of the database holds both).",
    parse: optional((raw) => {
      if (raw.length < 32 || /\s/.test(raw)) throw new Error('must be at least 32 characters without spaces');
      return raw;
    }),
  }),
  define({
    name: 'SEED_ON_START',
    key: 'seedOnStart',
    default: 'true',
    doc: 'Load the 45 partners at start when the partners collection is empty.',
    parse: boolean,
  }),
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
] as const;

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Partial<Record<keyof Config, unknown>> = {};
  for (const v of VARIABLES) {
    const raw = env[v.name]?.trim() ?? v.default;
    if (raw === undefined) continue;
    try {
      out[v.key] = (v.parse as (raw: string, env: NodeJS.ProcessEnv) => unknown)(raw, env);
    } catch (err) {
      const got = 'secret' in v && v.secret ? `${raw.length} characters, not shown` : `"${raw}"`;
      throw new ConfigError(`config: ${v.name} ${(err as Error).message} (got ${got})`);
    }
  }
  const config = out as Config;
  config.publicUrl ??= `http://localhost:${config.port}`;
  config.runMaxBytes ??= config.fetchMaxBytes;
  if (!config.adminEmail !== !config.adminPassword)
    throw new ConfigError('config: ADMIN_EMAIL and ADMIN_PASSWORD go together (set both, or neither)');
  if (config.oidcIssuer && !config.oidcClientId)
    throw new ConfigError('config: OIDC_ISSUER needs OIDC_CLIENT_ID (and usually OIDC_CLIENT_SECRET)');
  return config;
}
