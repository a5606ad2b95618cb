/**
 * Feed bytes to entries (pure): decode with the right charset, refuse what is not a feed,
 * mend common XML slips, then let rss-parser read RSS 0.9x/1.0/2.0 and Atom 1.0.
 */
import Parser from 'rss-parser';
import { ConnectorError, decodeText, type FetchedBody } from '../shared/index.js';
import { repairXml } from './repair-xml.js';

/** One entry as rss-parser gives it, with the raw nodes our customFields keep. */
export type RawFeedEntry = Record<string, unknown>;

/** A parsed feed. */
export interface ParsedFeed {
  /** Final URL of the feed (after redirects): the base of relative links. */
  url: string;
  /** xml:base of <feed> or <channel>, as written. */
  xmlBase?: string;
  title?: string;
  language?: string;
  /** RSS <ttl>, converted to seconds. */
  ttlSeconds?: number;
  entries: RawFeedEntry[];
}

// rss-parser keeps only the first enclosure and no attributes: these keep the raw nodes.
const CUSTOM_FIELDS = {
  feed: [['$', 'attrs', { keepArray: true }], 'language', 'ttl'],
  item: [
    ['$', 'attrs', { keepArray: true }],
    ['link', 'links', { keepArray: true }],
    ['guid', 'rawGuid', { keepArray: true }],
    ['enclosure', 'enclosures', { keepArray: true }],
    ['media:content', 'mediaContents', { keepArray: true }],
    ['media:thumbnail', 'mediaThumbnails', { keepArray: true }],
    ['media:group', 'mediaGroups', { keepArray: true }],
    ['category', 'rawCategories', { keepArray: true }],
    ['dc:subject', 'dcSubjects', { keepArray: true }],
    ['content', 'atomContent', { keepArray: true }],
    ['dcterms:modified', 'dctermsModified'],
    ['atom:updated', 'atomUpdated'],
    ['ev:startdate', 'eventStart'],
    ['ev:enddate', 'eventEnd'],
    ['ev:location', 'eventLocation'],
  ],
};

const HTML_PAGE = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

/** Parses a fetched feed; throws ConnectorError bad_format when it is not a readable feed. */
export async function parseFeed(body: FetchedBody): Promise<ParsedFeed> {
  const page = body.pages[0];
  if (!page) throw new ConnectorError('bad_format', 'feed: empty response');
  const text = decodeText(page.body, page.contentType, { xml: true });
  assertLooksLikeXml(text, page.url);
  const output = await readWithRssParser(repairXml(text), page.url);
  const feed: ParsedFeed = { url: page.url, entries: output.items as RawFeedEntry[] };
  const attrs = (output.attrs ?? {}) as Record<string, unknown>;
  if (typeof attrs['xml:base'] === 'string') feed.xmlBase = attrs['xml:base'];
  if (typeof output.title === 'string') feed.title = output.title;
  const language = output.language ?? attrs['xml:lang'];
  if (typeof language === 'string') feed.language = language;
  const ttl = Number(output.ttl);
  if (Number.isInteger(ttl) && ttl > 0) feed.ttlSeconds = ttl * 60;
  return feed;
}

function assertLooksLikeXml(text: string, url: string): void {
  if (!text.trim()) throw new ConnectorError('bad_format', 'feed: empty body', { url });
  if (HTML_PAGE.test(text))
    throw new ConnectorError('bad_format', 'feed: an HTML page was served instead of a feed', { url });
  if (/^\s*[[{]/.test(text))
    throw new ConnectorError('bad_format', 'feed: JSON was served instead of RSS or Atom', { url });
}

type FeedOutput = Parser.Output<RawFeedEntry> & Record<string, unknown>;

async function readWithRssParser(xml: string, url: string): Promise<FeedOutput> {
  try {
    return (await createParser().parseString(xml)) as FeedOutput;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const why = /not recognized/i.test(message) ? 'no <channel> or <feed>' : `malformed XML: ${message.split('\n')[0]}`;
    throw new ConnectorError('bad_format', `feed: ${why}`, { url, cause: error });
  }
}

type AtomEntry = Record<string, unknown[] | undefined>;
interface AtomItemParser {
  parseItemAtom(entry: AtomEntry): RawFeedEntry;
}

/**
 * rss-parser turns Atom <published>/<updated> into Dates itself and throws on a date it
 * cannot read, losing the whole feed; we hide them from it and keep the raw text instead.
 */
function createParser(): Parser<Record<string, unknown>, RawFeedEntry> {
  const parser = new Parser<Record<string, unknown>, RawFeedEntry>({
    defaultRSS: 2, // RSS without a version attribute is read as 2.0
    customFields: CUSTOM_FIELDS as unknown as Parser.CustomFields<Record<string, unknown>, RawFeedEntry>,
  });
  const atom = parser as unknown as AtomItemParser;
  const parseItemAtom = atom.parseItemAtom.bind(parser);
  atom.parseItemAtom = (entry) => {
    const { published, updated, ...rest } = entry;
    const item = parseItemAtom(rest);
    if (published?.[0] !== undefined) item.published = published[0];
    if (updated?.[0] !== undefined) item.updated = updated[0];
    return item;
  };
  return parser;
}
