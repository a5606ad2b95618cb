/** Types shared by every connector kind and by the registry. */
import type { ItemDefaults, ItemInput, SourceInput, Territory } from '../../schemas/index.js';

/**
 * A source as connectors see it: the SourceInput fields they use plus its id (the items'
 * sourceId). A stored Source fits as it is.
 */
export type ConnectorSource = Pick<SourceInput, 'partnerId' | 'kind' | 'url' | 'complete' | 'defaults' | 'mapping'> & {
  id: string;
  /**
   * The source's credentials, sealed (an opaque string): runConnector hands them to the
   * fetcher, which opens them at fetch time for the address's origin only.
   */
  credentials?: string;
};

/** The blocks of ItemInput.links. */
export type LinkBlock = 'services' | 'questions' | 'seeAlso' | 'moreInfo' | 'references';

/** What a kind's map stage knows about one entry, before the shared normalization. */
export interface DraftItem {
  guid?: string;
  /** The item's page, possibly relative to `base`. */
  url?: string;
  /** Base for a relative url (feed URL, xml:base, API page URL). Default: the source URL. */
  base?: string;
  /** Base for relative links inside content. Default: the item URL. */
  contentBase?: string;
  /** HTML or plain text; entities are decoded. */
  title?: string;
  /** HTML or plain text; when absent, the summary is cut from the content. */
  summary?: string;
  /** HTML, sanitized later. */
  content?: string;
  type?: string;
  topics?: string[];
  categories?: string[];
  /** Citizens' wording besides the text (questions answered, related titles, sigles): searched, not shown. */
  keywords?: string[];
  /** Kinds of local office that can help (DILA PivotLocal: mairie, prefecture…). */
  localOffices?: string[];
  /** What an entry of a source of online services says of itself. */
  serviceFacts?: { accountRequired?: boolean; cost?: string; duration?: string };
  /** Blocks of links besides the text (online services, questions-answers…), titles possibly HTML, urls possibly relative to `base`. */
  links?: Partial<Record<LinkBlock, Array<{ title?: string; url?: string; kind?: string }>>>;
  audience?: string[];
  territory?: Territory;
  language?: string;
  author?: string;
  /** Raw dates: strings in any supported form, epoch numbers or Date objects. */
  publishedAt?: unknown;
  updatedAt?: unknown;
  event?: { start?: unknown; end?: unknown; place?: string };
  images?: Array<{ url: string; alt?: string; type?: string }>;
  enclosures?: Array<{ url: string; type?: string; length?: number | string; title?: string }>;
  /** The entry as the source gave it, shown to agents when it is rejected. */
  raw?: unknown;
}

/** An entry that could not become an ItemInput; the others go on. */
export interface Rejection {
  /** Position of the entry in the source (0-based, across pages). */
  index?: number;
  /** Its guid when one was found: ingest must not withdraw an item only rejected this time. */
  guid?: string;
  /** Why, in developer terms (field errors from the schema are French). */
  reason: string;
  /** The entry as the source gave it (JSON), cut at 2,000 characters. */
  entry?: string;
}

/** The result of a map stage. */
export interface MappedItems {
  items: ItemInput[];
  rejected: Rejection[];
}

/** Per-source overrides the finalizer applies (json-api mapping constants and date patterns). */
export interface FinalizeOptions {
  /** Values that override what the item carries. */
  constants?: ItemDefaults;
  /** Date patterns tried before the standard forms. */
  dateFormats?: readonly string[];
}
