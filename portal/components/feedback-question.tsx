/**
 * « Cette page vous a-t-elle été utile ? » at the end of an item page. The page is cached
 * (ETag), so it carries no form token: Oui and Non open /articles/:id/avis, a page of its
 * own (never cached) whose form carries one. Works with and without JavaScript.
 */
import { applyFrenchTypography, Button } from '../../hub/ui/index.js';

export function FeedbackQuestion({ itemId }: { itemId: string }) {
  const action = `/articles/${encodeURIComponent(itemId)}/avis`;
  return (
    <section class="pl-section pl-feedback" aria-labelledby="avis-titre">
      <h2 class="pl-section__title" id="avis-titre">
        {applyFrenchTypography('Cette page vous a-t-elle été utile ?')}
      </h2>
      <form method="get" action={action} class="pl-feedback__answers">
        <Button variant="secondary" name="reponse" value="oui">
          Oui
        </Button>{' '}
        <Button variant="secondary" name="reponse" value="non">
          Non
        </Button>
      </form>
    </section>
  );
}
