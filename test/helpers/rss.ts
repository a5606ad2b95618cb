/** Builds RSS 2.0 documents for ingestion tests. */

export interface RssEntry {
  guid?: string;
  title: string;
  link: string;
  description?: string;
  pubDate?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed whose items are `entries`. */
export function makeRss(
  entries: RssEntry[],
  channel = { title: 'Actualités', link: 'https://www.noumea.nc/' },
): string {
  const items = entries
    .map(
      (e) => `<item>
  <title>${escape(e.title)}</title>
  <link>${escape(e.link)}</link>
  ${e.guid ? `<guid isPermaLink="false">${escape(e.guid)}</guid>` : ''}
  ${e.description ? `<description>${escape(e.description)}</description>` : ''}
  ${e.pubDate ? `<pubDate>${e.pubDate}</pubDate>` : ''}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(channel.title)}</title><link>${channel.link}</link><description>Flux de test</description>
${items}
</channel></rss>`;
}

/** n numbered entries, all on one site. */
export function numberedEntries(n: number, prefix = 'actu', origin = 'https://www.noumea.nc'): RssEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `Actualité numéro ${i} de la commune`,
    link: `${origin}/actualites/${prefix}-${i}`,
    description: `Résumé de l'actualité ${i} : travaux, réunions et services municipaux.`,
    pubDate: new Date(Date.UTC(2026, 10, 1, 0, i % 60)).toUTCString(),
  }));
}
