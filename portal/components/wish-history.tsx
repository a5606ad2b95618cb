/** A wish's history: every step dated and signed (a partner's name, never an agent's), with its answer. */
import { applyFrenchTypography, formatDateTime } from '../../hub/ui/index.js';
import type { PublicWish } from '../../hub/voice/index.js';
import { getWishStatusLabel } from '../view/wishes.js';

export function WishHistory({ wish }: { wish: PublicWish }) {
  return (
    <section class="pl-section" aria-labelledby="historique">
      <h2 class="pl-section__title" id="historique">
        Historique
      </h2>
      <ol class="pl-wish-history">
        {wish.history.map((step, i) => (
          <li key={i} class="pl-wish-history__step">
            <p>
              <time datetime={step.at}>{formatDateTime(new Date(step.at))}</time>
              {' — '}
              <strong>{i === 0 ? 'Proposé' : getWishStatusLabel(step.status)}</strong>
              {applyFrenchTypography(`, par ${step.signedBy}`)}
            </p>
            {step.answer && <p class="pl-wish-history__answer">{step.answer}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
