/**
 * A source's credentials on the wire: headers, query-string keys, or Basic user and
 * password, sent only to the origin of the source's address and never written anywhere the
 * fetcher reports (returned URLs, error messages). The hub keeps them sealed; the fetcher
 * opens them at fetch time through its `openCredentials` option.
 */
import type { SourceCredentials } from '../../../schemas/index.js';
import type { Fetcher } from './fetch-types.js';

/** How a credential's value is shown: never the value itself. */
export const MASK = '••••••';

/** Sealed credentials given with a request, and the one origin they may be sent to. */
export interface SealedCredentials {
  sealed: string;
  origin: string;
}

/** Opens sealed credentials (the hub's sealed box); throws when they cannot be opened. */
export type CredentialOpener = (credentials: SealedCredentials) => Promise<SourceCredentials>;

/** Query parameters taken for keys when written in an address: moved to the credentials. */
const KEY_LIKE_PARAM =
  /^(api[-_.]?key|apikey|key|token|access[-_.]?token|auth[-_.]?token|auth|secret|client[-_.]?secret|password|passwd|pwd|sig|signature)$/i;

/** Headers the fetcher writes itself or that would break the exchange: a source may not set them. */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'accept-encoding',
  'if-none-match',
  'if-modified-since',
  'user-agent',
]);

/**
 * Moves what an address carries of credentials — `user:password@` and key-like query
 * parameters (`api_key`, `token`…) — out of it: the address can then be shown, logged and
 * published in OPML.
 */
export function splitAddressCredentials(raw: string): { url: string; credentials: SourceCredentials } {
  if (!URL.canParse(raw)) return { url: raw, credentials: {} };
  const url = new URL(raw);
  const credentials: SourceCredentials = {};
  if (url.username || url.password) {
    credentials.username = decodeURIComponent(url.username);
    credentials.password = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
  }
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (!KEY_LIKE_PARAM.test(name)) continue;
    const value = url.searchParams.get(name);
    if (value) credentials.query = { ...credentials.query, [name]: value };
    url.searchParams.delete(name);
  }
  return { url: url.href, credentials };
}

/** True when there is anything to send. */
export function hasAnyCredential(c: SourceCredentials | undefined): boolean {
  return (
    !!c &&
    (!!c.username || !!c.password || !!Object.keys(c.headers ?? {}).length || !!Object.keys(c.query ?? {}).length)
  );
}

/** The request headers of the credentials (lower-case names), Basic from the user and password. */
export function credentialHeaders(c: SourceCredentials): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.username !== undefined || c.password !== undefined)
    out.authorization = `Basic ${Buffer.from(`${c.username ?? ''}:${c.password ?? ''}`).toString('base64')}`;
  for (const [name, value] of Object.entries(c.headers ?? {}))
    if (value !== undefined && !RESERVED_HEADERS.has(name.toLowerCase())) out[name.toLowerCase()] = value;
  return out;
}

/** The URL put on the wire: the credentials' query parameters set on it. */
export function withCredentialQuery(url: URL, c: SourceCredentials): URL {
  const wire = new URL(url);
  for (const [name, value] of Object.entries(c.query ?? {}))
    if (value !== undefined) wire.searchParams.set(name, value);
  return wire;
}

/** Every form a secret may take in a message: as given, URL-encoded, and Basic's base64. */
export function secretForms(c: SourceCredentials): string[] {
  const values = [...Object.values(c.headers ?? {}), ...Object.values(c.query ?? {}), c.username, c.password].filter(
    (v): v is string => !!v && v.length >= 3,
  );
  const forms = values.flatMap((v) => [v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)]);
  if (c.username !== undefined || c.password !== undefined)
    forms.push(Buffer.from(`${c.username ?? ''}:${c.password ?? ''}`).toString('base64'));
  // Longest first, so that a value containing another is masked whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** A text with every form of the secrets masked. */
export function redactSecrets(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) out = out.split(form).join(MASK);
  return out;
}

/**
 * The URL the fetcher reports (response URL, error messages): without user and password,
 * without the credentials' query parameters, and without any parameter whose value is a
 * secret (a server that echoes a key in a redirect).
 */
export function toPublicUrl(url: URL, c: SourceCredentials | undefined, forms: readonly string[] = []): URL {
  const out = new URL(url);
  out.username = '';
  out.password = '';
  if (!c) return out;
  const names = new Set(Object.keys(c.query ?? {}));
  for (const [name, value] of [...out.searchParams.entries()])
    if (names.has(name) || forms.includes(value)) out.searchParams.delete(name);
  return out;
}

/**
 * A fetcher that gives every request the source's sealed credentials, for the origin of
 * its address: the fetcher sends them only to that origin (not to a redirect elsewhere,
 * nor to a next page on another host).
 */
export function withSourceCredentials(fetcher: Fetcher, sealed: string, sourceUrl: string): Fetcher {
  const origin = new URL(sourceUrl).origin;
  return {
    fetch: (request) => fetcher.fetch({ ...request, credentials: { sealed, origin } }),
    close: () => fetcher.close(),
  };
}
