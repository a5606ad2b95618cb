/** One wish in the public list: its title (link), status, supports, commune and date. */
import { applyFrenchTypography, formatDate, Tag } from '../../hub/ui/index.js';
import type { PublicWish } from '../../hub/voice/index.js';
import { getWishStatusLabel, getWishStatusTone, wishPath } from '../view/wishes.js';

export function formatSupports(count: number): string {
  return count === 0 ? 'Aucun soutien' : `${count}\u00a0soutien${count > 1 ? 's' : ''}`;
}

export function WishCard({ wish }: { wish: PublicWish }) {
  return (
    <li class="pl-wish-card">
      <h3 class="pl-wish-card__title">
        <a href={wishPath(wish.id)}>{wish.title}</a>
      </h3>
      <p class="pl-wish-card__facts">
        <Tag tone={getWishStatusTone(wish.status)}>{getWishStatusLabel(wish.status)}</Tag>
        <span class="pl-wish-card__supports">{formatSupports(wish.supports)}</span>
        {wish.communeName && <span>{wish.communeName}</span>}
        <span>
          {'Proposé le '}
          <time datetime={wish.createdAt}>{formatDate(new Date(wish.createdAt))}</time>
        </span>
      </p>
      {wish.answer && <p class="pl-wish-card__answer">{applyFrenchTypography(`Réponse : ${wish.answer}`)}</p>}
    </li>
  );
}
