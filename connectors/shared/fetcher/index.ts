/** The shared HTTP fetcher and its SSRF guard. */
export { buildUserAgent, createFetcher, FETCHER_DEFAULTS } from './create-fetcher.js';
export type { Fetcher, FetcherOptions, FetchRedirect, FetchRequest, FetchResponse } from './fetch-types.js';
export { isForbiddenAddress, isPrivateOnItsFace } from './address-guard.js';
export {
  hasAnyCredential,
  MASK,
  RESERVED_HEADERS,
  splitAddressCredentials,
  withSourceCredentials,
  type CredentialOpener,
  type SealedCredentials,
} from './credentials.js';
export { charsetOf, parseMaxAge, parseRetryAfter } from './response-headers.js';
