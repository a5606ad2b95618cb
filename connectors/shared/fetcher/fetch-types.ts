/** What the shared fetcher is asked and what it answers: its options, a request, a response. */
import type { CredentialOpener, SealedCredentials } from './credentials.js';

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
