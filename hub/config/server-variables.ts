/** Where the hub listens, who may call it, and what it trusts. */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { LogLevel } from '../config.js';
import { checkAddressOrCidr, define, httpUrl, integer, list, LOG_LEVELS, optional } from './parse.js';

export const SERVER_VARIABLES = [
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
    name: 'METRICS_ALLOW',
    key: 'metricsAllow',
    default: '',
    doc: 'Comma-separated addresses or CIDR blocks (e.g. `10.0.0.0/8`) that may read `GET /metrics` without a token; a platform-admin token always may.',
    parse: (raw) => {
      const entries = list(raw);
      entries.forEach(checkAddressOrCidr);
      return entries;
    },
  }),
  define({
    name: 'WEBSUB_HUB_URL',
    key: 'websubHubUrl',
    default: '',
    doc: 'WebSub hub pinged when feeds change (unset: no ping).',
    parse: optional(httpUrl),
  }),
] as const;
