/** /themes/:slug: a topic's publications, newest first, with pages, their types and the topic's feed. */
import { applyFrenchTypography, getItemTypeLabel, Pagination } from '../../hub/ui/index.js';
import { CardList } from '../components/card-list.js';
import { FeedLinks } from '../components/feed-links.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';
import { PortalLayout } from '../layout.js';
import type { FeedLink } from '../site/feeds.js';
import type { LinkedCard } from '../view/cards.js';

export interface ThemePageProps {
  slug: string;
  label: string;
  total: number;
  page: number;
  pageCount: number;
  cards: LinkedCard[];
  types: [type: string, count: number][];
  feed: FeedLink;
}

const number = new Intl.NumberFormat('fr-NC');

export function ThemePage(props: ThemePageProps) {
  const base = `/themes/${props.slug}`;
  return (
    <PortalLayout
      title={props.page > 1 ? `${props.label} — page ${props.page}` : props.label}
      heading={applyFrenchTypography(props.label)}
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: `Thème : ${props.label}` }]}
      lede={applyFrenchTypography(
        `${number.format(props.total)} publication${props.total > 1 ? 's' : ''} des partenaires sur ce thème, les plus récentes d'abord.`,
      )}
      scripts={[SHARE_SCRIPT]}
      meta={{
        canonicalPath: props.page > 1 ? `${base}?page=${props.page}` : base,
        description: `Actualités, démarches et événements des services publics de Nouvelle-Calédonie : ${props.label}.`,
        feeds: [props.feed],
      }}
      intro={
        <p>
          <a href={`/recherche?topic=${props.slug}`}>{applyFrenchTypography('Chercher dans ce thème')}</a>
        </p>
      }
    >
      {props.types.length > 1 && (
        <section class="pl-section" aria-labelledby="types-titre">
          <h2 class="pl-section__title" id="types-titre">
            Par type de contenu
          </h2>
          <ul class="pl-link-grid">
            {props.types.map(([type, count]) => (
              <li key={type}>
                <a href={`/recherche?topic=${props.slug}&type=${type}`}>{getItemTypeLabel(type)}</a>
                <span class="pl-muted">{` (${number.format(count)})`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="pl-section" aria-labelledby="publications-titre">
        <h2 class="pl-section__title" id="publications-titre">
          Publications
        </h2>
        <CardList cards={props.cards} />
        <Pagination
          page={props.page}
          pageCount={props.pageCount}
          hrefFor={(p) => (p > 1 ? `${base}?page=${p}` : base)}
        />
        <FeedLinks feed={props.feed} label="Suivre ce thème" />
      </section>
      <ShareLinks path={base} title={`${props.label} — services publics de Nouvelle-Calédonie`} />
    </PortalLayout>
  );
}
