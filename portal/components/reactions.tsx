/**
 * Likes and comments under an item: the widgets' <passerelle-article show="reactions">
 * (their script is loaded by the page, defer), with a French note when JavaScript is off.
 */
import { h } from 'preact';
import { applyFrenchTypography } from '../../hub/ui/index.js';

export function Reactions({ itemId }: { itemId: string }) {
  return (
    <section class="pl-section pl-reactions" aria-labelledby="reactions-titre">
      <h2 class="pl-section__title" id="reactions-titre">
        Réagir
      </h2>
      {h('passerelle-article', { item: itemId, show: 'reactions', 'heading-level': '2' })}
      <noscript>
        <p class="pl-noscript">
          {applyFrenchTypography(
            'Les mentions « J’aime » et les commentaires de cette page ont besoin de JavaScript, qui est désactivé dans votre navigateur. Tout le reste de la page s’en passe.',
          )}
        </p>
      </noscript>
    </section>
  );
}
