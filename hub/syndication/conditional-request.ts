/** Conditional GET (RFC 9110 §13): does the client's copy still hold? */

/** Request headers as Node and Koa give them (lower-case names). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** One entity-tag, or `*`; commas may appear inside quotes (§8.8.3 etagc), so split on the grammar, not on commas. */
const ENTITY_TAG = /(?:W\/)?"[^"]*"|\*/g;

/**
 * True when a GET/HEAD may be answered 304: If-None-Match (a list, weak comparison, `*`)
 * decides when present, and If-Modified-Since is then ignored (§13.2.2 steps 3–4); an
 * If-Modified-Since that is not a valid HTTP-date is ignored (§13.1.3).
 */
export function isNotModified(headers: RequestHeaders, etag: string, lastModified?: Date | string): boolean {
  const ifNoneMatch = readHeader(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) return matchesAnyEtag(ifNoneMatch, etag);
  const ifModifiedSince = readHeader(headers, 'if-modified-since');
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = parseHttpDate(ifModifiedSince);
  const modified = toSeconds(lastModified);
  if (since === undefined || modified === undefined) return false;
  return modified <= since;
}

/** Weak comparison (§8.8.3.2): W/"x" and "x" match; `*` matches any current representation. */
export function matchesAnyEtag(headerValue: string, etag: string): boolean {
  const mine = opaqueTag(etag);
  for (const [candidate] of headerValue.matchAll(ENTITY_TAG)) {
    if (candidate === '*' || opaqueTag(candidate) === mine) return true;
  }
  return false;
}

function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** A repeated header arrives as an array (or comma-joined); both are one list. */
function readHeader(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** IMF-fixdate, RFC 850 or asctime (§5.6.7), to whole seconds; anything else is undefined. */
function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  const formats = [
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
  ];
  if (!formats.some((format) => format.test(text))) return undefined;
  // asctime carries no zone: it is GMT by definition.
  const ms = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function toSeconds(value: Date | string): number | undefined {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
