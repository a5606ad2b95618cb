/**
 * The head of a portal page: canonical address, Open Graph and Twitter card tags, the
 * listing's feeds, the OpenSearch description and schema.org data. Absolute addresses
 * are built from PUBLIC_URL, never from the request's Host.
 */
import { applyFrenchTypography, JsonLd } from '../../hub/ui/index.js';
import { FEED_FORMATS, feedHref, type FeedLink } from './feeds.js';
import { useAbsoluteUrl } from './site-context.js';

export const SITE_NAME = 'Passerelle';

export interface PageMeta {
  /** The page's own address (path and the query that matters), made absolute for canonical and og:url. */
  canonicalPath: string;
  /** Also the page's <meta name="description">. */
  description: string;
  /** The page's picture for sharing cards: the hub's copy (`/images/<key>/<width>`), made absolute. */
  image?: { path: string; alt?: string };
  /** Default website; item pages are articles. */
  ogType?: 'website' | 'article';
  feeds?: FeedLink[];
  /** schema.org objects (each with its @type), written as one JSON-LD @graph. */
  structuredData?: Record<string, unknown>[];
  /** Error pages: not to be indexed. */
  noindex?: boolean;
}

export function HeadTags({ meta, title }: { meta: PageMeta; title: string }) {
  const absolute = useAbsoluteUrl();
  const url = absolute(meta.canonicalPath);
  const description = applyFrenchTypography(meta.description);
  return (
    <>
      {meta.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={url} />}
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:locale" content="fr_FR" />
      <meta property="og:type" content={meta.ogType ?? 'website'} />
      <meta property="og:title" content={applyFrenchTypography(title)} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      {meta.image && <meta property="og:image" content={absolute(meta.image.path)} />}
      {meta.image?.alt && <meta property="og:image:alt" content={meta.image.alt} />}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={applyFrenchTypography(title)} />
      <meta name="twitter:description" content={description} />
      <link rel="search" type="application/opensearchdescription+xml" title={SITE_NAME} href="/opensearch.xml" />
      {(meta.feeds ?? []).flatMap((feed) =>
        FEED_FORMATS.map((format) => (
          <link
            key={`${feed.base}-${format.extension}`}
            rel="alternate"
            type={format.type}
            title={applyFrenchTypography(`${feed.title} (${format.name})`)}
            href={feedHref(feed, format.extension)}
          />
        )),
      )}
      {meta.structuredData && meta.structuredData.length > 0 && (
        <JsonLd data={{ '@context': 'https://schema.org', '@graph': meta.structuredData }} />
      )}
    </>
  );
}
