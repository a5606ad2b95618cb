/** Item cards in a grid, and a titled section of them with an optional « see all » link. */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography, ItemCard } from '../../hub/ui/index.js';
import type { LinkedCard } from '../view/cards.js';

export function CardList({ cards, headingLevel = 3 }: { cards: LinkedCard[]; headingLevel?: 2 | 3 | 4 }) {
  return (
    <ul class="pl-cards">
      {cards.map(({ item, href }) => (
        <li key={item.id}>
          <ItemCard item={item} href={href} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

export interface CardSectionProps {
  /** Id prefix: the heading is `${id}-titre`. */
  id: string;
  title: string;
  cards: LinkedCard[];
  /** « Tout voir » link under the cards. */
  more?: { href: string; label: string };
  /** Shown when there is no card (default: the section is left out). */
  empty?: ComponentChildren;
}

export function CardSection({ id, title, cards, more, empty }: CardSectionProps) {
  if (cards.length === 0 && !empty) return null;
  return (
    <section class="pl-section" aria-labelledby={`${id}-titre`}>
      <h2 class="pl-section__title" id={`${id}-titre`}>
        {applyFrenchTypography(title)}
      </h2>
      {cards.length > 0 ? <CardList cards={cards} /> : empty}
      {more && cards.length > 0 && (
        <p class="pl-more">
          <a href={more.href}>{applyFrenchTypography(more.label)}</a>
        </p>
      )}
    </section>
  );
}
