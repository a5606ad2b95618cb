/** URL helpers: resolving relative references, keeping only http(s), canonical form. */

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|_ga)$/i;

/** Characters RFC 3986 allows in a URI after the authority (plus `%`, checked below). */
const NOT_IN_URI = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]|%(?![0-9A-Fa-f]{2})/gu;

/**
 * Partners' addresses are what a browser accepts, not always a URI: `|`, `[ ]`, `{ }` or
 * `^` in a query (senat.fr, economie.gouv.fr), a second `#` in a fragment (`#/login#header`);
 * the WHATWG parser keeps them as they are. Items require URIs (schemas' `HttpUrl`), so a
 * whole item was refused for one such address (22 DILA fiches); they are percent-encoded
 * instead, which browsers read as the same page. The authority is left alone (`[::1]`).
 */
export function toUri(url: string): string;
export function toUri(url: string | undefined): string | undefined;
export function toUri(url: string | undefined): string | undefined {
  if (!url) return url;
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
  const rest = url.slice(authority.length);
  const hash = rest.indexOf('#');
  const strict = hash < 0 ? rest : `${rest.slice(0, hash + 1)}${rest.slice(hash + 1).replace(/#/g, '%23')}`;
  return authority + strict.replace(NOT_IN_URI, (c) => encodeURIComponent(c));
}

/** Resolves a (possibly relative) reference against a base; undefined unless the result is http(s). */
export function resolveUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? toUri(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Canonical form of an item URL: resolved, tracking parameters removed, fragment dropped
 * unless it routes a single-page site ("#/…", "#!…").
 */
export function canonicalizeUrl(value: unknown, base?: string): string | undefined {
  const resolved = resolveUrl(value, base);
  if (!resolved) return undefined;
  const url = new URL(resolved);
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  if (!url.searchParams.size) url.search = '';
  if (!/^#[!/]/.test(url.hash)) url.hash = '';
  return toUri(url.href);
}

/** Resolves a chain of bases (feed URL, then xml:base of the feed, then of the entry…). */
export function resolveBase(bases: Array<string | undefined>): string | undefined {
  let current: string | undefined;
  for (const base of bases) {
    if (!base) continue;
    current = resolveUrl(base, current) ?? current;
  }
  return current;
}
