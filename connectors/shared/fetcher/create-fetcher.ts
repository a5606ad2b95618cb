/**
 * The one HTTP fetcher every connector uses: conditional GET, decompression, timeouts,
 * size cap, manual redirects, the SSRF guard on every hop (literal host and resolved
 * address), and a source's credentials sent to its own origin only. Failures leave it
 * classified (see classify-failure.ts), with no secret in them.
 */
import { Agent, request } from 'undici';
import type { SourceCredentials } from '../../../schemas/index.js';
import { classifyFailure } from '../classify-failure.js';
import { ConnectorError } from '../errors.js';
import { assertLiteralHostAllowed, createGuardedLookup, normalizeHost } from './address-guard.js';
import {
  credentialHeaders,
  redactSecrets,
  secretForms,
  toPublicUrl,
  withCredentialQuery,
  type CredentialOpener,
} from './credentials.js';
import type { Fetcher, FetcherOptions, FetchRedirect, FetchRequest, FetchResponse } from './fetch-types.js';
import { finishWithin } from './response.js';
import { readHeader, type RawHeaders } from './response-headers.js';

export type { Fetcher, FetcherOptions, FetchRedirect, FetchRequest, FetchResponse } from './fetch-types.js';

interface Settings {
  userAgent: string;
  allowedHosts: ReadonlySet<string>;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  openCredentials?: CredentialOpener;
}

export const FETCHER_DEFAULTS = {
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Builds the User-Agent header value: `Passerelle/<version> (+<publicUrl>)`. */
export function buildUserAgent(version: string, publicUrl: string): string {
  return `Passerelle/${version} (+${publicUrl})`;
}

/** Creates the shared fetcher (one undici Agent whose sockets resolve through the SSRF guard). */
export function createFetcher(options: FetcherOptions): Fetcher {
  const settings: Settings = {
    ...FETCHER_DEFAULTS,
    ...definedOnly(options),
    userAgent: options.userAgent,
    allowedHosts: new Set([...(options.allowedHosts ?? [])].map((h) => normalizeHost(h.trim())).filter(Boolean)),
  };
  const agent = new Agent({
    connect: { timeout: settings.connectTimeoutMs, lookup: createGuardedLookup(settings.allowedHosts) },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });
  return {
    fetch: (req) => fetchFollowingRedirects(agent, settings, req),
    close: () => agent.close(),
  };
}

/** The credentials of a request, opened, with the forms their values may take in a message. */
interface OpenedCredentials {
  values: SourceCredentials;
  origin: string;
  forms: string[];
}

async function openCredentials(settings: Settings, req: FetchRequest): Promise<OpenedCredentials | undefined> {
  if (!req.credentials) return undefined;
  if (!settings.openCredentials)
    throw new ConnectorError('bad_config', 'fetcher: this fetcher cannot open source credentials');
  let values: SourceCredentials;
  try {
    values = await settings.openCredentials(req.credentials);
  } catch {
    throw new ConnectorError(
      'bad_config',
      'fetcher: the source credentials cannot be opened (CREDENTIALS_KEY changed?)',
    );
  }
  return { values, origin: req.credentials.origin, forms: secretForms(values) };
}

async function fetchFollowingRedirects(agent: Agent, settings: Settings, req: FetchRequest): Promise<FetchResponse> {
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let url = parseSourceUrl(req.url);
  const secrets = await openCredentials(settings, req);
  const hops: FetchRedirect[] = [];
  for (let redirects = 0; ; redirects++) {
    // Credentials go to the source's own origin only, never to a redirect elsewhere.
    const own = secrets && url.origin === secrets.origin ? secrets.values : undefined;
    const shown = toPublicUrl(url, secrets?.values, secrets?.forms);
    try {
      assertLiteralHostAllowed(url, settings.allowedHosts);
      const res = await request(own ? withCredentialQuery(url, own) : url, {
        method: req.method ?? 'GET',
        dispatcher: agent,
        headers: { ...buildHeaders(settings, req), ...(own ? credentialHeaders(own) : {}) },
        signal,
      });
      const headers = res.headers as RawHeaders;
      const location = readHeader(headers, 'location');
      if (REDIRECTS.has(res.statusCode) && location) {
        await res.body.dump();
        if (redirects >= settings.maxRedirects) throw tooManyRedirects(settings.maxRedirects, shown);
        hops.push({ url: shown.href, status: res.statusCode });
        url = parseRedirectUrl(location, url, shown);
        continue;
      }
      const done = await finishWithin(res.statusCode, headers, res.body, shown, settings.maxBytes, req);
      return hops.length > 0 ? { ...done, redirects: hops } : done;
    } catch (error) {
      throw secrets
        ? redactFailure(classifyFailure(error, shown.href), secrets.forms)
        : classifyFailure(error, shown.href);
    }
  }
}

/**
 * The failure without any secret: the message masked, and without its cause (an undici
 * error may carry the request it failed on, headers included).
 */
function redactFailure(error: ConnectorError, forms: readonly string[]): ConnectorError {
  const details = {
    ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    ...(error.url !== undefined ? { url: redactSecrets(error.url, forms) } : {}),
    ...(error.runBudget ? { runBudget: true } : {}),
  };
  return new ConnectorError(error.code, redactSecrets(error.message, forms), details);
}

function buildHeaders(settings: Settings, req: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: req.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'fr, en;q=0.5',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

function parseSourceUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError('bad_config', `fetcher: invalid URL ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('bad_config', `fetcher: only http and https URLs are fetched, not ${url.protocol}`, {
      url: raw,
    });
  }
  return url;
}

function parseRedirectUrl(location: string, from: URL, shownFrom: URL): URL {
  const url = new URL(location, from);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError(
      'forbidden_address',
      `fetcher: redirect to ${url.protocol} refused (http and https only)`,
      { url: shownFrom.href },
    );
  }
  return url;
}

function tooManyRedirects(max: number, url: URL): ConnectorError {
  return new ConnectorError('too_many_redirects', `fetcher: more than ${max} redirects`, { url: url.href });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
