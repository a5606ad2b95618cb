/**
 * A source's credentials as the hub keeps them: apart from the address, their names in
 * clear (the masked view), their values sealed for the address's origin (hub/secrets).
 * Nothing here returns a value to a route; the fetcher opens them at fetch time.
 */
import { MASK, RESERVED_HEADERS, hasAnyCredential, splitAddressCredentials } from '../../connectors/index.js';
import type { FieldError, MaskedCredentials, SourceCredentials } from '../../schemas/index.js';
import { InvalidInput } from '../domain-errors.js';
import { openText, sealText } from '../secrets/index.js';

/** Stored on the source: which credentials it has (names only) and their sealed values. */
export interface StoredCredentials {
  headers?: string[];
  query?: string[];
  basic?: boolean;
  sealed: string;
}

/** What a write says of the address and its credentials. */
export interface CredentialsInput {
  url?: string | undefined;
  /** Absent: keep; null: remove; an object: replace (MASK keeps the stored value of that name). */
  credentials?: SourceCredentials | null | undefined;
}

/** The outcome for the write: the clean address, and the credentials to store (null: remove, undefined: unchanged). */
export interface ResolvedCredentials {
  url: string | undefined;
  credentials: StoredCredentials | null | undefined;
}

const context = (origin: string) => `source-credentials:${origin}`;
const originOf = (url: string) => (URL.canParse(url) ? new URL(url).origin : url);

/** Seals credentials for the origin of `url`; undefined when there is nothing to send. */
export async function sealCredentials(values: SourceCredentials, url: string): Promise<StoredCredentials | undefined> {
  if (!hasAnyCredential(values)) return undefined;
  const headers = Object.keys(values.headers ?? {});
  const query = Object.keys(values.query ?? {});
  return {
    ...(headers.length ? { headers } : {}),
    ...(query.length ? { query } : {}),
    ...(values.username !== undefined || values.password !== undefined ? { basic: true } : {}),
    sealed: await sealText(JSON.stringify(values), context(originOf(url))),
  };
}

/** Opens sealed credentials for an origin (the fetcher's openCredentials). */
export async function openSealedCredentials({
  sealed,
  origin,
}: {
  sealed: string;
  origin: string;
}): Promise<SourceCredentials> {
  return JSON.parse(await openText(sealed, context(origin))) as SourceCredentials;
}

/** What admins see: the names, every value masked; undefined without credentials. */
export function maskCredentials(stored: StoredCredentials | undefined): MaskedCredentials | undefined {
  if (!stored) return undefined;
  const masked = (names: string[] | undefined) =>
    names?.length ? Object.fromEntries(names.map((n) => [n, MASK])) : undefined;
  const out: MaskedCredentials = {};
  const headers = masked(stored.headers);
  const query = masked(stored.query);
  if (headers) out.headers = headers as MaskedCredentials['headers'];
  if (query) out.query = query as MaskedCredentials['query'];
  if (stored.basic) Object.assign(out, { username: MASK, password: MASK });
  return out;
}

/** Replaces MASK values by the stored ones; a MASK with nothing stored under that name is a fault. */
function keepMasked(given: SourceCredentials, stored: SourceCredentials, errors: FieldError[]): SourceCredentials {
  const out: SourceCredentials = {};
  for (const part of ['headers', 'query'] as const) {
    const entries = Object.entries(given[part] ?? {}).map(([name, value]) => {
      if (value !== MASK) return [name, value];
      const kept = stored[part]?.[name];
      if (kept === undefined)
        errors.push({ field: `credentials.${part}.${name}`, message: 'aucune valeur enregistrée à conserver' });
      return [name, kept];
    });
    if (entries.length) out[part] = Object.fromEntries(entries) as Record<string, string>;
  }
  for (const part of ['username', 'password'] as const) {
    const value = given[part];
    if (value === undefined) continue;
    if (value === MASK && stored[part] === undefined)
      errors.push({ field: `credentials.${part}`, message: 'aucune valeur enregistrée à conserver' });
    out[part] = value === MASK ? stored[part] : value;
  }
  return out;
}

function containsMask(values: SourceCredentials): boolean {
  return [
    ...Object.values(values.headers ?? {}),
    ...Object.values(values.query ?? {}),
    values.username,
    values.password,
  ].includes(MASK);
}

async function openStored(stored: StoredCredentials, url: string): Promise<SourceCredentials> {
  try {
    return await openSealedCredentials({ sealed: stored.sealed, origin: originOf(url) });
  } catch {
    throw new InvalidInput([
      {
        field: 'credentials',
        message: 'les identifiants enregistrés ne peuvent plus être lus (CREDENTIALS_KEY a changé ?) : redonnez-les',
      },
    ]);
  }
}

function checkHeaderNames(values: SourceCredentials, errors: FieldError[]): void {
  for (const name of Object.keys(values.headers ?? {}))
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      errors.push({ field: `credentials.headers.${name}`, message: 'en-tête géré par le hub, non modifiable' });
}

function merge(base: SourceCredentials, fromUrl: SourceCredentials): SourceCredentials {
  const out: SourceCredentials = { ...base };
  if (fromUrl.username !== undefined) out.username = fromUrl.username;
  if (fromUrl.password !== undefined) out.password = fromUrl.password;
  if (fromUrl.query) out.query = { ...base.query, ...fromUrl.query };
  return out;
}

/**
 * Decides the address and credentials of a create (no `current`) or an update: the
 * address loses what it carried of credentials (user:password@, key-like parameters),
 * which join the given ones. Throws InvalidInput (credentials fields) when a masked value
 * has nothing to keep, a header is the hub's own, or the address moves to another origin
 * while credentials would silently follow it there.
 */
export async function resolveCredentials(
  input: CredentialsInput,
  current?: { url: string; credentials?: StoredCredentials | undefined },
): Promise<ResolvedCredentials> {
  const split = input.url === undefined ? undefined : splitAddressCredentials(input.url);
  const url = split?.url ?? current?.url;
  const fromUrl = split?.credentials ?? {};
  const stored = current?.credentials;
  const movesOrigin = !!current && url !== undefined && originOf(url) !== originOf(current.url);
  if (input.credentials === undefined && !hasAnyCredential(fromUrl) && !(movesOrigin && stored))
    return { url: split?.url, credentials: undefined };
  if (input.credentials === undefined && movesOrigin && stored)
    throw new InvalidInput([
      {
        field: 'credentials',
        message:
          "l'adresse change d'origine : redonnez ses identifiants (credentials) ou retirez-les (credentials: null)",
      },
    ]);
  const errors: FieldError[] = [];
  const wantsStored =
    input.credentials === undefined || (input.credentials !== null && containsMask(input.credentials));
  const opened = wantsStored && stored && current ? await openStored(stored, current.url) : {};
  const base =
    input.credentials === null
      ? {}
      : input.credentials === undefined
        ? opened
        : keepMasked(input.credentials, opened, errors);
  const values = merge(base, fromUrl);
  checkHeaderNames(values, errors);
  if (errors.length) throw new InvalidInput(errors);
  const sealed = url === undefined ? undefined : await sealCredentials(values, url);
  return { url: split?.url, credentials: sealed ?? (stored ? null : undefined) };
}
