/**
 * The one HTTP fetcher every connector uses: conditional GET, decompression, timeouts,
 * size cap, manual redirects, the SSRF guard on every hop (literal host and resolved
 * address), and a source's credentials sent to its own origin only. Failures leave it
 * classified (see classify-failure.ts), with no secret in them.
 */
import { Agent, request, type Dispatcher } from 'undici';
import type { SourceCredentials } from '../../../schemas/index.js';
import { classifyFailure, HttpStatusFailure } from '../classify-failure.js';
import { ConnectorError } from '../errors.js';
import { assertLiteralHostAllowed, createGuardedLookup, normalizeHost } from './address-guard.js';
import {
  credentialHeaders,
  redactSecrets,
  secretForms,
  toPublicUrl,
  withCredentialQuery,
  type CredentialOpener,
  type SealedCredentials,
} from './credentials.js';
import { assertDeclaredLength, readBody } from './read-body.js';
import { parseMaxAge, parseRetryAfter, readHeader, type RawHeaders } from './response-headers.js';

/** How the fetcher behaves; one fetcher is created per process and shared by all sources. */
export interface FetcherOptions {
  /** Sent on every request, e.g. `Passerelle/0.1.0 (+https://passerelle.nc)` (see buildUserAgent). */
  userAgent: string;
  /** Host names reachable even though they resolve to private addresses (SOURCE_ALLOWED_HOSTS). Default none. */
  allowedHosts?: Iterable<string>;
  /** TCP + TLS connection timeout. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Whole request, redirects and body included. Default 30 000 ms. */
  timeoutMs?: number;
  /** Largest body accepted, counted after decompression. Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before failing with too_many_redirects. Default 5. */
  maxRedirects?: number;
  /** Opens the sealed credentials a request carries (the hub's sealed box). Without it, such a request fails with bad_config. */
  openCredentials?: CredentialOpener;
}

/** One GET (or HEAD: the link checker's first try). */
export interface FetchRequest {
  url: string;
  /** Default GET. A HEAD answer has no body. */
  method?: 'GET' | 'HEAD';
  /** Reads nothing of a successful body (the link checker wants only the status). Default false. */
  discardBody?: boolean;
  /** Accept header. Default `*\/*`. */
  accept?: string;
  /** Validators from the previous successful fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** Overrides the fetcher's maxBytes for this request (a co-marquage archive is bigger). */
  maxBytes?: number;
  /** A source's sealed credentials, opened at fetch time and sent only to `origin` (withSourceCredentials). */
  credentials?: SealedCredentials;
  /**
   * What is left of the run's byte budget: the body may not exceed it either. Past it the
   * request fails with too_large marked `runBudget` (see shared/run-budget.ts).
   */
  limitBytes?: number;
}

/** A successful answer (2xx) or a 304. Any other outcome is a thrown ConnectorError. */
export interface FetchResponse {
  /** Final URL, after redirects, without credentials (no user, password or key parameter). */
  url: string;
  status: number;
  /** True on 304 Not Modified; the body is then empty. */
  notModified: boolean;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  contentType?: string;
  /** Decompressed body bytes. */
  body: Uint8Array;
  etag?: string;
  lastModified?: string;
  /** From Cache-Control max-age. */
  maxAgeSeconds?: number;
  /** From Retry-After (seconds from now), when the server sent one. */
  retryAfterSeconds?: number;
  /** The redirects followed, in order: each hop's address (without credentials) and status. */
  redirects?: FetchRedirect[];
}

/** One redirect followed: the address that answered it and its status (301, 302, 303, 307, 308). */
export interface FetchRedirect {
  url: string;
  status: number;
}

/** The fetcher's face. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

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
      const done = await finishWithin(res.statusCode, headers, res.body, shown, settings, req);
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

/** Reads the answer under the request's cap, or under the run's budget when that is smaller. */
async function finishWithin(
  status: number,
  headers: RawHeaders,
  body: Dispatcher.ResponseData['body'],
  url: URL,
  settings: Settings,
  req: FetchRequest,
): Promise<FetchResponse> {
  const cap = req.discardBody || req.method === 'HEAD' ? 0 : (req.maxBytes ?? settings.maxBytes);
  if (cap === 0) return finishResponse(status, headers, body, url, cap);
  if (req.limitBytes === undefined || req.limitBytes >= cap) return finishResponse(status, headers, body, url, cap);
  try {
    return await finishResponse(status, headers, body, url, req.limitBytes);
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.code !== 'too_large') throw error;
    throw new ConnectorError('too_large', `fetcher: the run's byte budget is spent (${req.limitBytes} bytes left)`, {
      url: url.href,
      runBudget: true,
    });
  }
}

async function finishResponse(
  status: number,
  headers: RawHeaders,
  body: Dispatcher.ResponseData['body'],
  url: URL,
  maxBytes: number,
): Promise<FetchResponse> {
  const retryAfterSeconds = parseRetryAfter(readHeader(headers, 'retry-after'));
  if (status !== 304 && (status < 200 || status > 299)) {
    await body.dump();
    const retry = status === 429 || status === 503 ? retryAfterSeconds : undefined;
    throw new HttpStatusFailure(status, retry);
  }
  const encoding = readHeader(headers, 'content-encoding');
  // maxBytes 0: the body is not wanted (HEAD, a link check); its declared length does not matter.
  if (maxBytes > 0) assertDeclaredLength(readHeader(headers, 'content-length'), encoding, maxBytes, url.href);
  const bytes =
    status === 304 || maxBytes === 0
      ? (await body.dump(), new Uint8Array())
      : await readBody(body, encoding, maxBytes, url.href);
  return describeResponse(status, headers, bytes, url, retryAfterSeconds);
}

function describeResponse(
  status: number,
  headers: RawHeaders,
  body: Uint8Array,
  url: URL,
  retryAfterSeconds?: number,
): FetchResponse {
  const flat: Record<string, string> = {};
  for (const name of Object.keys(headers)) flat[name.toLowerCase()] = readHeader(headers, name) ?? '';
  const out: FetchResponse = { url: url.href, status, notModified: status === 304, headers: flat, body };
  assignDefined(out, {
    contentType: flat['content-type'],
    etag: flat['etag'],
    lastModified: flat['last-modified'],
    maxAgeSeconds: parseMaxAge(flat['cache-control']),
    retryAfterSeconds,
  });
  return out;
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

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}
