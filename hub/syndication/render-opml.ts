/**
 * OPML 2.0 (http://opml.org/spec2.opml) of the active sources, one outline per partner.
 *
 * Decision: each partner's first child is the hub's own feed of that partner (type="rss"),
 * which carries everything it publishes whatever the source kind; then each of its `feed`
 * sources as type="rss" with the partner's own URL. json-api and comarquage sources are not
 * listed one by one: no feed reader can subscribe to a JSON API or a DILA archive, and their
 * items are in the partner's hub feed.
 */
import { cleanLine, escapeXml, fillPartnerTemplate, toHttpUrl } from './internal/text.js';
import type { PartnerDirectory, PartnerRef } from './types.js';

/** A source as the OPML needs it (a subset of the stored Source). */
export interface OpmlSource {
  id: string;
  name?: string;
  kind: string;
  url: string;
  partnerId: string;
}

export interface OpmlMeta {
  /** Default « Sources des partenaires — Passerelle ». */
  title?: string;
  ownerName?: string;
  /** The hub's own feed of a partner, {partnerId} in place of its id: https://hub.example/feeds/partners/{partnerId}.rss. */
  partnerFeedUrlTemplate: string;
  /** <dateModified>, ISO 8601; omitted by default so the output is a pure function of the sources. */
  dateModified?: string;
}

export interface OpmlInput {
  /** Active sources only: the caller filters. */
  sources: readonly OpmlSource[];
  partners: PartnerDirectory;
  meta: OpmlMeta;
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Renders the sources as OPML 2.0, partners sorted by name (French collation). */
export function renderOpml(input: OpmlInput): string {
  const groups = groupByPartner(input.sources, input.partners);
  const body = groups.map(({ partner, sources }) => renderPartner(partner, sources, input.meta)).join('');
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n',
    `    <title>${escapeXml(input.meta.title ?? 'Sources des partenaires — Passerelle')}</title>\n`,
    renderDateModified(input.meta.dateModified),
    input.meta.ownerName ? `    <ownerName>${escapeXml(input.meta.ownerName)}</ownerName>\n` : '',
    '    <docs>http://opml.org/spec2.opml</docs>\n  </head>\n  <body>\n',
    body,
    '  </body>\n</opml>\n',
  ].join('');
}

function renderDateModified(value: string | undefined): string {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? `    <dateModified>${date.toUTCString()}</dateModified>\n` : '';
}

interface PartnerGroup {
  partner: PartnerRef;
  sources: OpmlSource[];
}

function groupByPartner(sources: readonly OpmlSource[], partners: PartnerDirectory): PartnerGroup[] {
  const groups = new Map<string, PartnerGroup>();
  for (const source of sources) {
    const group = groups.get(source.partnerId) ?? {
      partner: partners.get(source.partnerId) ?? { id: source.partnerId, name: source.partnerId },
      sources: [],
    };
    group.sources.push(source);
    groups.set(source.partnerId, group);
  }
  const list = [...groups.values()];
  for (const group of list)
    group.sources.sort((a, b) => COLLATOR.compare(sourceLabel(a), sourceLabel(b)) || compareCodeUnits(a.url, b.url));
  return list.sort(
    (a, b) => COLLATOR.compare(a.partner.name, b.partner.name) || compareCodeUnits(a.partner.id, b.partner.id),
  );
}

function renderPartner(partner: PartnerRef, sources: OpmlSource[], meta: OpmlMeta): string {
  const name = cleanLine(partner.name) || partner.id;
  const website = toHttpUrl(partner.website);
  const hubFeed = toHttpUrl(fillPartnerTemplate(meta.partnerFeedUrlTemplate, partner.id));
  const children = [
    ...(hubFeed
      ? [
          outline({
            type: 'rss',
            text: `${name} — toutes les publications (Passerelle)`,
            xmlUrl: hubFeed,
            htmlUrl: website,
          }),
        ]
      : []),
    ...sources
      .filter((s) => s.kind === 'feed' && toHttpUrl(s.url))
      .map((s) => outline({ type: 'rss', text: sourceLabel(s), xmlUrl: toHttpUrl(s.url), htmlUrl: website })),
  ];
  return `    <outline text="${escapeXml(name)}" title="${escapeXml(name)}">\n${children.map((c) => `      ${c}\n`).join('')}    </outline>\n`;
}

function outline(attrs: {
  type: string;
  text: string;
  xmlUrl: string | undefined;
  htmlUrl: string | undefined;
}): string {
  const text = escapeXml(cleanLine(attrs.text));
  const links = `xmlUrl="${escapeXml(attrs.xmlUrl ?? '')}"${attrs.htmlUrl ? ` htmlUrl="${escapeXml(attrs.htmlUrl)}"` : ''}`;
  return `<outline type="${attrs.type}" text="${text}" title="${text}" ${links}/>`;
}

function sourceLabel(source: OpmlSource): string {
  const name = source.name ? cleanLine(source.name) : '';
  if (name) return name;
  return toHttpUrl(source.url) ? new URL(source.url).hostname : source.url;
}

/** Tie-break independent of locale data, so the order never depends on the ICU build. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
