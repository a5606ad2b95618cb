/**
 * /souhaits: the public wishes — sorted, filtered, paged — the way to propose one, and the
 * partners' public response times. Works without JavaScript (the filters are a GET form).
 */
import { applyFrenchTypography, Button, Pagination, SelectField } from '../../hub/ui/index.js';
import type { PartnerResponseTimes, PublicWish } from '../../hub/voice/index.js';
import { FeedLinks } from '../components/feed-links.js';
import { ResponseTimes } from '../components/response-times.js';
import { WishCard } from '../components/wish-card.js';
import { PortalLayout } from '../layout.js';
import type { FeedLink } from '../site/feeds.js';
import { listTopicChoices } from '../view/topics.js';
import {
  listCommuneChoices,
  listStatusChoices,
  WISH_SORT_CHOICES,
  wishListHref,
  type WishListState,
} from '../view/wishes.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';

export interface WishesPageProps {
  state: WishListState;
  total: number;
  pageCount: number;
  wishes: PublicWish[];
  responseTimes: PartnerResponseTimes[];
}

export const WISHES_FEED: FeedLink = { title: 'Souhaits nouveaux et répondus', base: '/feeds/wishes' };

function describeCount(total: number): string {
  return total === 0 ? 'Aucun souhait' : `${total}\u00a0souhait${total > 1 ? 's' : ''}`;
}

export function WishesPage(props: WishesPageProps) {
  const { state } = props;
  const filtered = !!(state.status || state.topic || state.commune);
  return (
    <PortalLayout
      title="Souhaits de contenus"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Souhaits' }]}
      lede={applyFrenchTypography(
        'Ce que les habitants aimeraient trouver sur le portail : soutenez un souhait (« Moi aussi ») ou proposez le vôtre. Chaque réponse des partenaires est datée et signée.',
      )}
      scripts={[SHARE_SCRIPT]}
      meta={{
        canonicalPath: wishListHref(state),
        description: 'Les contenus que les habitants demandent aux services publics, leurs soutiens et les réponses.',
        feeds: [WISHES_FEED],
      }}
    >
      <p>
        <Button href="/souhaits/proposer">Proposer un contenu</Button>
      </p>
      <form method="get" action="/souhaits" class="pl-wish-filters" aria-label="Trier et filtrer les souhaits">
        <SelectField name="tri" label="Trier" options={WISH_SORT_CHOICES} value={state.sort} />
        <SelectField
          name="statut"
          label="Statut"
          placeholder="Tous"
          options={listStatusChoices()}
          value={state.status}
        />
        <SelectField name="theme" label="Thème" placeholder="Tous" options={listTopicChoices()} value={state.topic} />
        <SelectField
          name="commune"
          label="Commune"
          placeholder="Toutes"
          options={listCommuneChoices()}
          value={state.commune}
        />
        <Button type="submit" variant="secondary">
          Afficher
        </Button>
      </form>
      <section class="pl-section" aria-labelledby="souhaits-liste">
        <h2 class="pl-section__title" id="souhaits-liste">
          {describeCount(props.total)}
          {filtered && ' pour ces filtres'}
        </h2>
        {props.wishes.length ? (
          <ul class="pl-wish-list">
            {props.wishes.map((wish) => (
              <WishCard key={wish.id} wish={wish} />
            ))}
          </ul>
        ) : (
          <p>
            {filtered ? (
              <a href="/souhaits">Voir tous les souhaits</a>
            ) : (
              applyFrenchTypography('Aucun souhait pour l’instant : soyez le premier à en proposer un.')
            )}
          </p>
        )}
        <Pagination page={state.page} pageCount={props.pageCount} hrefFor={(page) => wishListHref(state, page)} />
      </section>
      <section class="pl-section" aria-labelledby="delais-titre">
        <h2 class="pl-section__title" id="delais-titre">
          Délais de réponse des partenaires
        </h2>
        <p>
          {applyFrenchTypography(
            'Pour chaque partenaire à qui des souhaits ont été confiés : le délai médian entre la prise en charge et la première réponse publique, et la part des souhaits répondus en 30 jours ou moins.',
          )}
        </p>
        <ResponseTimes rows={props.responseTimes} />
      </section>
      <FeedLinks feed={WISHES_FEED} label="Suivre les souhaits" />
      <ShareLinks path="/souhaits" title="Souhaits de contenus — Passerelle" />
    </PortalLayout>
  );
}
