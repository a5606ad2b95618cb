import { describe, expect, it } from 'vitest';
import { countSitemapParts, renderSitemap, SITEMAP_LIMIT, type SitemapEntry } from '../../../portal/site/sitemap.js';

const BASE = 'https://passerelle.nc';

function entries(n: number): SitemapEntry[] {
  return Array.from({ length: n }, (_, i) => ({ path: `/articles/${i}`, lastmod: `2026-0${1 + (i % 9)}-01` }));
}

describe('sitemaps', () => {
  it('is one urlset up to 50,000 addresses, with escaped locations and their dates', () => {
    const xml = renderSitemap(BASE, [{ path: '/recherche?q=a&b' }, { path: '/articles/x', lastmod: '2026-10-01' }], 0)!;
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://passerelle.nc/recherche?q=a&amp;b</loc></url>\n' +
        '<url><loc>https://passerelle.nc/articles/x</loc><lastmod>2026-10-01</lastmod></url>\n</urlset>\n',
    );
    expect(countSitemapParts(SITEMAP_LIMIT)).toBe(0);
    expect(renderSitemap(BASE, entries(3), 1)).toBeUndefined();
  });

  it('becomes an index of parts of 50,000 beyond that, every address in exactly one part', () => {
    const all = entries(SITEMAP_LIMIT + 1);
    expect(countSitemapParts(all.length)).toBe(2);
    const index = renderSitemap(BASE, all, 0)!;
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain(
      '<sitemap><loc>https://passerelle.nc/sitemap-1.xml</loc><lastmod>2026-09-01</lastmod></sitemap>',
    );
    expect(index).toContain('<loc>https://passerelle.nc/sitemap-2.xml</loc>');
    const first = renderSitemap(BASE, all, 1)!;
    const second = renderSitemap(BASE, all, 2)!;
    expect(first.match(/<url>/g)).toHaveLength(SITEMAP_LIMIT);
    expect(second.match(/<url>/g)).toHaveLength(1);
    expect(second).toContain(`<loc>https://passerelle.nc/articles/${SITEMAP_LIMIT}</loc>`);
    expect(renderSitemap(BASE, all, 3)).toBeUndefined();
  });
});
