/** What the portal's pages are given by the hub: its services, in-process (never its models). */
import type { Catalog } from '../hub/catalog/index.js';
import type { Logger } from '../hub/log.js';
import type { Item } from '../schemas/index.js';

export interface PortalDeps {
  /** Search, listings and the partner directory. */
  catalog: Pick<Catalog, 'search' | 'partners'>;
  /** One published item in the API shape, or undefined (unknown or withdrawn). */
  findItem(id: string): Promise<Item | undefined>;
  /** The hub's public origin (PUBLIC_URL): canonical addresses, sitemaps, OpenSearch. */
  publicUrl: string;
  /** The address of the widgets' script, under its content hash (likes and comments on item pages). */
  widgetScript(): Promise<string>;
  log: Logger;
  /** Addresses per sitemap file before /sitemap.xml becomes an index. Default 50,000 (the protocol's limit). */
  sitemapLimit?: number;
}
