/**
 * The sitemap protocol (sitemaps.org 0.9): one <urlset> while the portal has at most
 * `limit` addresses (50,000, the protocol's limit per file), else /sitemap.xml is a
 * <sitemapindex> of /sitemap-1.xml, /sitemap-2.xml… holding `limit` addresses each.
 */

export interface SitemapEntry {
  /** Path on the portal, e.g. /articles/abc. */
  path: string;
  /** Last change, as YYYY-MM-DD or a full ISO date. */
  lastmod?: string;
}

/** The protocol's limit of addresses per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

function renderUrlset(publicUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(publicUrl + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

function renderIndex(publicUrl: string, parts: number, lastmod: string | undefined): string {
  const maps = Array.from(
    { length: parts },
    (_, i) =>
      `<sitemap><loc>${escapeXml(`${publicUrl}/sitemap-${i + 1}.xml`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`,
  );
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${maps.join('\n')}\n</sitemapindex>\n`;
}

/** How many files the entries take: 0 means /sitemap.xml itself is the one urlset. */
export function countSitemapParts(total: number, limit = SITEMAP_LIMIT): number {
  return total <= limit ? 0 : Math.ceil(total / limit);
}

/**
 * The text of sitemap file `part` (0 for /sitemap.xml, then 1…), or undefined when there
 * is no such file.
 */
export function renderSitemap(
  publicUrl: string,
  entries: SitemapEntry[],
  part: number,
  limit = SITEMAP_LIMIT,
): string | undefined {
  const parts = countSitemapParts(entries.length, limit);
  if (part === 0) {
    if (parts === 0) return renderUrlset(publicUrl, entries);
    const newest = entries.reduce<string | undefined>(
      (max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max),
      undefined,
    );
    return renderIndex(publicUrl, parts, newest);
  }
  if (part > parts) return undefined;
  return renderUrlset(publicUrl, entries.slice((part - 1) * limit, part * limit));
}
