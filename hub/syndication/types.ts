/** The inputs every syndication renderer takes. */
import type { Item } from '../../schemas/index.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** What a feed needs to know of a partner. */
export interface PartnerRef {
  id: string;
  name: string;
  website?: string;
}

/** partnerId → partner. */
export type PartnerDirectory = ReadonlyMap<string, PartnerRef>;

/** Feed-level metadata; every string is plain text (the renderers escape). */
export interface FeedMeta {
  /** French title, e.g. « Actualités — Province Sud ». */
  title: string;
  description: string;
  /**
   * This feed's URL in each format, with its (canonical) query; each renderer uses its own as
   * rel="self" / feed_url, so one meta serves the three formats.
   */
  feedUrls: Record<FeedFormat, string>;
  /** The portal page showing the same listing (channel <link>, Atom rel="alternate", home_page_url). */
  alternateUrl: string;
  /** WebSub hub: rel="hub" links and JSON Feed hubs[]. Default: none. */
  hubUrl?: string;
  /** BCP 47 language of the feed. Default 'fr'. */
  language?: string;
  /** Feed-level author (the platform). Default: none (every entry carries its partner). */
  author?: { name: string; url?: string };
  /**
   * The partner's own feed on this hub, for RSS <source url="…">, with {partnerId} in place
   * of the id: https://hub.example/feeds/partners/{partnerId}.rss. Default: the partner's website.
   */
  partnerFeedUrlTemplate?: string;
  /**
   * Authority of the tag URIs (RFC 4151) used as Atom ids, e.g. 'passerelle.nc,2025'.
   * Default: the host of alternateUrl with ',2025'. Keep it fixed once feeds are public.
   */
  tagAuthority?: string;
  /** Category domain/scheme of topics, e.g. https://service-public.nc/themes. Default: none. */
  topicScheme?: string;
  /** The feed's date when it has no item (ISO 8601). Default: 1970-01-01T00:00:00Z, to stay a pure function. */
  emptyDate?: string;
}

/** Everything a feed renderer reads: a pure function of this gives the same bytes every time. */
export interface FeedInput {
  /** Items in the order they must appear (the caller sorts). */
  items: readonly Item[];
  partners: PartnerDirectory;
  meta: FeedMeta;
}
