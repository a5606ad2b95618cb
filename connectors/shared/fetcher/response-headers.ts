/** Reading the response headers the fetcher cares about. */

export type RawHeaders = Record<string, string | string[] | undefined>;

/** One header as a string (repeated headers joined by ", "), or undefined. */
export function readHeader(headers: RawHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Parses Retry-After (RFC 9110 §10.2.3): delay in seconds or an HTTP date; seconds from now. */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Reads max-age from Cache-Control (s-maxage is for shared caches, not for us); 0 on no-cache. */
export function parseMaxAge(cacheControl: string | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-cache') || directives.includes('no-store')) return 0;
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.slice('max-age='.length).replace(/"/g, '')) : NaN;
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}

/** The charset parameter of a Content-Type header, lower case, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}
