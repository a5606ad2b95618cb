/** What the portal's pages are given by the hub: its services, in-process (never its models). */
import type { Catalog } from '../hub/catalog/index.js';

export interface PortalDeps {
  /** Search, listings and the partner directory. */
  catalog: Pick<Catalog, 'search' | 'partners'>;
}
