/** URL helpers: resolving relative references, keeping only http(s), canonical form. */

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|_ga)$/i;

/** Resolves a (possibly relative) reference against a base; undefined unless the result is http(s). */
export function resolveUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
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
  return url.href;
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
