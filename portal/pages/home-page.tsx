/**
 * The portal's first page, until the portal issue gives it its own: what Passerelle is, a
 * search that works without JavaScript (results on this page), the latest items, and
 * the doors for partners and developers.
 */
import {
  applyFrenchTypography,
  ErrorSummary,
  ItemCard,
  Notice,
  Pagination,
  SearchForm,
  type CardItem,
} from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';

export interface LinkedCard {
  item: CardItem;
  href: string;
}

export interface HomeResults {
  total: number;
  page: number;
  pageCount: number;
  cards: LinkedCard[];
}

export interface HomePageProps {
  /** The query as typed (shown again in the box). */
  query: string;
  /** The search's results, when a query was sent. */
  results?: HomeResults;
  /** Alerts in force, newest first (shown when there is no query). */
  alerts: LinkedCard[];
  latest: LinkedCard[];
  /** Why the query was refused. */
  queryError?: string;
  /** The search index is still being built. */
  searchUnavailable?: boolean;
  /** The address of another page of results. */
  hrefForPage: (page: number) => string;
}

export function HomePage(props: HomePageProps) {
  const searched = props.query !== '' || props.queryError !== undefined;
  return (
    <PortalLayout
      path="/"
      title={props.queryError ? 'Erreur : Accueil' : props.query ? `Recherche « ${shorten(props.query)} »` : 'Accueil'}
      heading="Les informations des services publics calédoniens, au même endroit"
      lede={applyFrenchTypography(
        'Passerelle rassemble ce que publient les 45 partenaires de service-public.nc : provinces, communes, gouvernement, État et établissements publics. Actualités, démarches, événements et alertes : cherchez une fois, puis lisez sur le site du partenaire.',
      )}
      description="Rechercher dans les actualités, démarches, événements et alertes des services publics de Nouvelle-Calédonie."
      intro={
        <>
          <ErrorSummary errors={props.queryError ? [{ field: 'q', message: props.queryError }] : []} />
          <SearchForm
            action="/"
            label="Rechercher dans les contenus des partenaires"
            hint="Par exemple : permis de conduire, coupure d'eau, acte de naissance"
            value={props.query}
            error={props.queryError}
          />
        </>
      }
    >
      {props.searchUnavailable && (
        <Notice title="La recherche se prépare">
          <p>Le moteur de recherche termine son index. Réessayez dans quelques secondes.</p>
        </Notice>
      )}
      {searched && props.results && (
        <Results query={props.query} results={props.results} hrefForPage={props.hrefForPage} />
      )}
      {!searched && props.alerts.length > 0 && (
        <CardSection id="alertes" title="Alertes en cours" cards={props.alerts} />
      )}
      {!searched && props.latest.length > 0 && (
        <CardSection id="dernieres" title="Dernières publications" cards={props.latest} />
      )}
      <ForPartners />
    </PortalLayout>
  );
}

function CardSection({ id, title, cards }: { id: string; title: string; cards: LinkedCard[] }) {
  return (
    <section class="pl-section" aria-labelledby={`${id}-titre`}>
      <h2 class="pl-section__title" id={`${id}-titre`}>
        {title}
      </h2>
      <CardList cards={cards} />
    </section>
  );
}

function CardList({ cards }: { cards: LinkedCard[] }) {
  return (
    <ul class="pl-cards">
      {cards.map(({ item, href }) => (
        <li key={item.id}>
          <ItemCard item={item} href={href} />
        </li>
      ))}
    </ul>
  );
}

function Results({
  query,
  results,
  hrefForPage,
}: { query: string; results: HomeResults } & Pick<HomePageProps, 'hrefForPage'>) {
  const count =
    results.total === 0
      ? `Aucun résultat pour « ${query} ». Essayez d'autres mots, ou moins de mots.`
      : `${results.total.toLocaleString('fr-NC')} ${results.total > 1 ? 'résultats' : 'résultat'} pour « ${query} »`;
  return (
    <section class="pl-section" aria-labelledby="resultats-titre">
      <h2 class="pl-section__title" id="resultats-titre">
        Résultats
      </h2>
      <p class="pl-results-count">{applyFrenchTypography(count)}</p>
      <CardList cards={results.cards} />
      <Pagination page={results.page} pageCount={results.pageCount} hrefFor={hrefForPage} />
    </section>
  );
}

function ForPartners() {
  return (
    <section class="pl-section" aria-labelledby="partenaires-titre">
      <h2 class="pl-section__title" id="partenaires-titre">
        Pour les partenaires et les développeurs
      </h2>
      <div class="pl-doors">
        <div class="pl-door">
          <h3>Widgets</h3>
          <p>
            {applyFrenchTypography(
              'Actualités, recherche, mentions « J’aime » et commentaires à coller dans un site. ',
            )}
            <a href="/widgets/demo">Voir la démonstration et les extraits à copier</a>
          </p>
        </div>
        <div class="pl-door">
          <h3>Flux</h3>
          <p>
            <a href="/feeds/items.rss">RSS</a>, <a href="/feeds/items.atom">Atom</a> et{' '}
            <a href="/feeds/items.json">JSON Feed</a>
            {applyFrenchTypography(', avec les filtres de la recherche ; les sources actives en ')}
            <a href="/feeds/sources.opml">OPML</a>.
          </p>
        </div>
        <div class="pl-door">
          <h3>API</h3>
          <p>
            <a href="/api/v1/openapi.json">Description OpenAPI 3.1</a>
            {applyFrenchTypography(' : recherche, contenus, partenaires, réactions des citoyens.')}
          </p>
        </div>
      </div>
    </section>
  );
}

/** A query short enough for the page title (at most 70 characters in all). */
function shorten(query: string): string {
  return query.length > 40 ? `${query.slice(0, 39).trimEnd()}…` : query;
}
