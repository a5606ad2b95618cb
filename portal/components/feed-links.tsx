/** The visible links to a listing's feeds (the same ones its <head> announces). */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { FEED_FORMATS, feedHref, type FeedLink } from '../site/feeds.js';

export function FeedLinks({ feed, label = 'Suivre cette liste' }: { feed: FeedLink; label?: string }) {
  return (
    <p class="pl-feed-links">
      <span>{applyFrenchTypography(`${label} : `)}</span>
      {FEED_FORMATS.map((format, i) => (
        <span key={format.extension}>
          {i > 0 && ' · '}
          <a href={feedHref(feed, format.extension)} type={format.type}>
            {format.name}
            <span class="pl-visually-hidden">{applyFrenchTypography(` : ${feed.title}`)}</span>
          </a>
        </span>
      ))}
    </p>
  );
}
