/** What the portal's pages are given by the hub: its services, in-process (never its models). */
import type { Catalog } from '../hub/catalog/index.js';
import type { Logger } from '../hub/log.js';
import type { VisitorDataService } from '../hub/interaction/index.js';
import type { VoiceService } from '../hub/voice/index.js';
import type { LocalContact } from '../hub/partners/index.js';
import type { Item, OnlineService } from '../schemas/index.js';
import type { ServiceFilter } from '../hub/online-services/index.js';

/** The registry of online services as pages read it. */
export interface PortalServices {
  /** Active services matching the query (best first) or, without words, all of them by name. */
  find(q: string, filter?: ServiceFilter): Promise<OnlineService[]>;
  /** « Qui peut m'aider ? »: the cards of these DILA office kinds for this commune (INSEE code). */
  findLocalContacts(kinds: string[], communeCode: string): Promise<LocalContact[]>;
  /** Changes when the active services or the set of broken addresses do: /demarches is cached by it. */
  version(): Promise<string>;
}

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
  /** Wishes and page feedback (hub/voice), in-process. */
  voice?: VoiceService;
  /** « Mes données »: export and erasure of a visitor key (hub/interaction, with the voice's records). */
  visitorData?: VisitorDataService;
  /** Online services and local contacts (issue 14). */
  services: PortalServices;
  /** Addresses per sitemap file before /sitemap.xml becomes an index. Default 50,000 (the protocol's limit). */
  sitemapLimit?: number;
}
