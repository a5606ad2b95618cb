/**
 * The files crawlers and browsers read: /sitemap.xml (and /sitemap-N.xml beyond 50,000
 * addresses), /robots.txt and /opensearch.xml (so a browser can add the portal's search).
 * Sitemaps are built once per data version and kept compressed.
 */
import type { Context } from 'koa';
import { sendFile, toServedFile, type ServedFile } from '../../hub/assets/index.js';
import { HttpError, notFound } from '../../hub/http/index.js';
import type { PortalDeps } from '../deps.js';
import { listSiteEntries } from '../site/site-entries.js';
import { renderSitemap, SITEMAP_LIMIT, type SitemapEntry } from '../site/sitemap.js';

const XML = 'application/xml; charset=utf-8';
/** Crawlers may keep these an hour; an ETag makes the next look cheap. */
const CACHE = 'public, max-age=3600';

/** GET /sitemap.xml and /sitemap-:n.xml. */
export function serveSitemaps(deps: PortalDeps) {
  let cached: { version: string; entries: SitemapEntry[]; files: Map<number, ServedFile> } | undefined;
  return async function sitemap(ctx: Context): Promise<void> {
    const part = ctx.params.n === undefined ? 0 : Number(ctx.params.n);
    if (!Number.isInteger(part) || part < 0) throw notFound(`le plan du site ${ctx.path}`);
    const index = deps.catalog.search.service.getIndex();
    if (!index)
      throw new HttpError(503, 'search_not_ready', 'Recherche indisponible', {
        detail: "l'index de recherche est en cours de construction",
        headers: { 'Retry-After': '5' },
      });
    const version = `${deps.catalog.search.version()}|${await deps.catalog.partners.getVersion()}`;
    if (cached?.version !== version)
      cached = { version, entries: listSiteEntries(index, await deps.catalog.partners.get()), files: new Map() };
    let file = cached.files.get(part);
    if (!file) {
      const text = renderSitemap(deps.publicUrl, cached.entries, part, deps.sitemapLimit ?? SITEMAP_LIMIT);
      if (text === undefined) throw notFound(`le plan du site ${ctx.path}`);
      // A quick level: brotli 11 on megabytes of sitemap would take seconds.
      file = toServedFile(text, XML, 'quick');
      cached.files.set(part, file);
    }
    await sendFile(ctx, file, CACHE);
  };
}

/** GET /robots.txt: everything may be read but the APIs, the console and the commune form; where the sitemap is. */
export function serveRobots(deps: PortalDeps) {
  const file = toServedFile(
    [
      '# Passerelle — service-public.nc',
      'User-agent: *',
      'Disallow: /api/',
      'Disallow: /console',
      'Disallow: /ma-commune',
      'Allow: /',
      '',
      `Sitemap: ${deps.publicUrl}/sitemap.xml`,
      '',
    ].join('\n'),
    'text/plain; charset=utf-8',
  );
  return (ctx: Context) => sendFile(ctx, file, CACHE);
}

/** GET /opensearch.xml: the OpenSearch 1.1 description of the portal's search. */
export function serveOpenSearch(deps: PortalDeps) {
  const url = (path: string) => `${deps.publicUrl}${path}`.replace(/&/g, '&amp;');
  const file = toServedFile(
    `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Passerelle</ShortName>
  <Description>Rechercher dans les contenus des services publics de Nouvelle-Calédonie</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>fr</Language>
  <Url type="text/html" method="get" template="${url('/recherche?q={searchTerms}')}"/>
  <Url type="application/rss+xml" template="${url('/feeds/items.rss?q={searchTerms}')}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${url('/opensearch.xml')}"/>
</OpenSearchDescription>
`,
    'application/opensearchdescription+xml; charset=utf-8',
  );
  return (ctx: Context) => sendFile(ctx, file, CACHE);
}
