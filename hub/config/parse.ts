/** The pieces every variable is declared with: its shape and the parsers of raw strings. */
import { isIP } from 'node:net';
import type { Config, LogLevel } from '../config.js';

export interface Variable<K extends keyof Config> {
  name: string;
  key: K;
  default: string | undefined;
  doc: string;
  parse: (raw: string, env: NodeJS.ProcessEnv) => Config[K];
  /** Never repeated in an error message (a password, a secret). */
  secret?: boolean;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function integer(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new Error(`must be an integer from ${min} to ${max}`);
    return n;
  };
}

export function boolean(raw: string): boolean {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('must be true or false');
}

export function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('must be an absolute http(s) URL');
  return url.href.replace(/\/$/, '');
}

export function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An IPv4/IPv6 address or CIDR block (METRICS_ALLOW); throws with the reason otherwise. */
export function checkAddressOrCidr(entry: string): void {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR block`);
  if (bits === undefined) return;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) throw new Error(`"${entry}" has a prefix length over ${max}`);
}

export function optional<T>(parse: (raw: string) => T) {
  return (raw: string): T | undefined => (raw === '' ? undefined : parse(raw));
}

export function define<K extends keyof Config>(v: Variable<K>): Variable<K> {
  return v;
}

/** Every environment variable the hub reads, in the order of the README table. */
