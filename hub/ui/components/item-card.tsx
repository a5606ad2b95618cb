/**
 * One item in a list: its type (an alert marked in words and shape), partner, title linking
 * to the item, when an event takes place, a summary or a search snippet, and its date.
 */
import { applyFrenchTypography, formatDate } from '../../locale/index.js';
import { SanitizedHtml } from '../sanitized-html.js';
import { EventDetails, type EventInfo } from './event-details.js';
import { TypeBadge } from './type-badge.js';

/** What a card shows of an item (a search hit or a stored item fit). */
export interface CardItem {
  id: string;
  title: string;
  type: string;
  partnerName: string;
  summary?: string;
  /** A search snippet: escaped text with <mark> highlights (hub/search). */
  snippetHtml?: string;
  publishedAt?: string;
  event?: EventInfo;
  /** The names of the other partners that published the same story (hub/stories). */
  alsoPublishedBy?: string[];
}

export interface ItemCardProps {
  item: CardItem;
  /** Where the title leads (the portal's /articles/:id, or the partner's page). */
  href: string;
  /** Default 3 (cards under a section's h2). */
  headingLevel?: 2 | 3 | 4;
}

export function ItemCard({ item, href, headingLevel = 3 }: ItemCardProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const alert = item.type === 'alert';
  return (
    <article class={alert ? 'pl-card pl-card--alert' : 'pl-card'}>
      <p class="pl-card__kicker">
        <TypeBadge type={item.type} />
        <span class="pl-card__partner">{item.partnerName}</span>
      </p>
      <Heading class="pl-card__title">
        <a href={href}>{item.title}</a>
      </Heading>
      {item.event && <EventDetails event={item.event} />}
      {item.snippetHtml ? (
        <SanitizedHtml as="div" class="pl-card__summary" html={item.snippetHtml} />
      ) : (
        item.summary && <p class="pl-card__summary">{item.summary}</p>
      )}
      {item.publishedAt && !item.event && (
        <p class="pl-card__meta">
          {applyFrenchTypography('Publié le ')}
          <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
        </p>
      )}
      {item.alsoPublishedBy && item.alsoPublishedBy.length > 0 && (
        <p class="pl-card__meta">{applyFrenchTypography(`Aussi publié par : ${item.alsoPublishedBy.join(', ')}`)}</p>
      )}
    </article>
  );
}
