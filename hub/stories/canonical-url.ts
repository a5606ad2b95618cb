/**
 * The canonical form of an item's address, so that two partners linking the same page
 * write the same key: lower-case scheme and host, no default port, no fragment, no
 * trailing slash, no tracking parameters (utm_*, fbclid, gclid…), the rest sorted.
 */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|xtor|at_medium|at_campaign)$/i;

/** The canonical address, or undefined when `url` is not an http(s) address. */
export function canonicalizeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  // http and https name the same page for grouping: partners link either.
  return `${parsed.host.toLowerCase()}${path}${query}`;
}
