/**
 * The one typed, validated configuration of the hub, read from environment variables.
 * Each variable is declared once in VARIABLES (name, default, meaning, parser); the README
 * table and the docker-compose check are tested against this list.
 */
import { DATA_VARIABLES, INGEST_VARIABLES, PEOPLE_VARIABLES, SERVER_VARIABLES } from './config/index.js';

export { checkAddressOrCidr } from './config/index.js';

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
  metricsAllow: string[];
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
  readerWarm: boolean;
  schedulerLeaseSeconds: number;
  ipHashSecret: string | undefined;
  credentialsKey: string | undefined;
  seedOnStart: boolean;
  wishesModeration: 'pre' | 'post' | 'first-time';
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

/** Every environment variable the hub reads, in the order of the README table. */
export const VARIABLES = [...SERVER_VARIABLES, ...INGEST_VARIABLES, ...DATA_VARIABLES, ...PEOPLE_VARIABLES] as const;

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
