/** One entry point for the three feed formats, with what an HTTP response needs. */
import { getNewestDate, toFeedEntries } from './internal/entries.js';
import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';
import type { FeedFormat, FeedInput } from './types.js';

/** Content-Type of each document the syndication routes serve. */
export const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
} as const satisfies Record<FeedFormat | 'opml', string>;

/** A rendered document: its body, its date (newest item's) and its content type. */
export interface RenderedDocument {
  body: string;
  updated: Date;
  contentType: string;
}

const RENDERERS: Record<FeedFormat, (input: FeedInput) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** Renders the items in one format; a pure function of its input. */
export function renderFeed(format: FeedFormat, input: FeedInput): RenderedDocument {
  return { body: RENDERERS[format](input), updated: getFeedDate(input), contentType: CONTENT_TYPES[format] };
}

/** The feed's date: its newest item's updatedAt (else publishedAt), else meta.emptyDate, else the epoch. */
export function getFeedDate(input: FeedInput): Date {
  return getNewestDate(toFeedEntries(input.items, input.partners, input.meta), input.meta);
}

/** Type guard for a format name taken from a URL. */
export function isFeedFormat(value: string): value is FeedFormat {
  return value === 'rss' || value === 'atom' || value === 'json';
}
