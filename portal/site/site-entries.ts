/** Every address the sitemap lists: the fixed pages, partners, communes, topics and every published item. */
import type { SearchIndex } from '../../hub/search/index.js';
import { itemPath } from '../view/cards.js';
import type { PartnerRef } from '../view/partner-words.js';
import type { SitemapEntry } from './sitemap.js';

export const FIXED_PAGES = [
  '/',
  '/demarches',
  '/partenaires',
  '/souhaits',
  '/souhaits/proposer',
  '/accessibilite',
  '/mentions-legales',
  '/donnees-personnelles',
];

/** The entries, from the loaded search index (every published item is in it) and the partner directory. */
export function listSiteEntries(index: SearchIndex, partners: ReadonlyMap<string, PartnerRef>): SitemapEntry[] {
  const entries: SitemapEntry[] = FIXED_PAGES.map((path) => ({ path }));
  for (const partner of partners.values()) {
    entries.push({ path: `/partenaires/${partner.id}` });
    if (partner.kind === 'commune' && partner.communeCode) entries.push({ path: `/communes/${partner.id}` });
  }
  for (const topic of [...index.facets.topic.keys()].sort()) entries.push({ path: `/themes/${topic}` });
  const { ids, dates } = index.docs;
  for (let doc = 0; doc < ids.length; doc += 1) {
    const ms = dates[doc]!;
    entries.push({
      path: itemPath(ids[doc]!),
      ...(Number.isFinite(ms) ? { lastmod: new Date(ms).toISOString().slice(0, 10) } : {}),
    });
  }
  return entries;
}
