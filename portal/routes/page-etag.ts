/**
 * The validator of a page's data: the search index's data version (it changes when items
 * do, once the new index is in place) and the partners' version. sendPage mixes in the
 * page's address and stylesheets; pages that depend on more (the chosen commune) add it.
 */
import type { PortalDeps } from '../deps.js';

export async function pageEtag(deps: PortalDeps, ...more: string[]): Promise<string> {
  const partners = await deps.catalog.partners.getVersion();
  return [deps.catalog.search.version(), partners, ...more].join('|');
}
