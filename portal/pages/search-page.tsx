/**
 * /recherche: the results of a query with the filters of /api/v1/items — facets as links,
 * an order-and-dates form, pages, highlighted snippets, « Vous vouliez dire … » and, when
 * nothing is found, a way to tell the portal what was missing. The online services the
 * words name come first, each with « Faire la démarche en ligne » (issue 14). Everything
 * works without JavaScript; the count is announced and also in the title.
 */
import {
  applyFrenchTypography,
  Button,
  ErrorSummary,
  Facets,
  Pagination,
  SearchForm,
  SelectField,
  TextField,
  type FacetGroup,
} from '../../hub/ui/index.js';
import type { OnlineService } from '../../schemas/index.js';
import { CardList } from '../components/card-list.js';
import { FeedLinks } from '../components/feed-links.js';
import { ServiceCard } from '../components/service-card.js';
import { PortalLayout } from '../layout.js';
import type { FeedLink } from '../site/feeds.js';
import type { LinkedCard } from '../view/cards.js';
import { hiddenFields, type SearchState } from '../view/search-state.js';

export interface ActiveFilter {
  label: string;
  /** The same search without it. */
  removeHref: string;
}

export interface SearchPageProps {
  state: SearchState;
  /** Absent when the query was refused (`queryError`). */
  results?: {
    total: number;
    pageCount: number;
    cards: LinkedCard[];
    facets: FacetGroup[];
    active: ActiveFilter[];
    /** « Vous vouliez dire … »: the corrected query and its address. */
    didYouMean?: { text: string; href: string };
    /** The query was too long: only its beginning (state.q) was searched. */
    queryTruncated?: boolean;
  };
  queryError?: string;
  /** The online services answering the words, shown before the results (at most 3, first page). */
  services?: { service: OnlineService; partnerName: string }[];
  hrefForPage: (page: number) => string;
  clearHref: string;
  /** Where a citizen tells what was missing (the wishes page, with the query). */
  wishHref: string;
  feed: FeedLink;
  canonicalPath: string;
}

const number = new Intl.NumberFormat('fr-NC');

/** « 12 résultats pour « permis » », « Aucun résultat pour … », « 3 publications ». */
export function describeCount(total: number, q: string): string {
  const what = q ? ` pour « ${q} »` : '';
  if (total === 0) return `Aucun résultat${what}`;
  const noun = q ? (total > 1 ? 'résultats' : 'résultat') : total > 1 ? 'publications' : 'publication';
  return `${number.format(total)} ${noun}${what}`;
}

export function SearchPage(props: SearchPageProps) {
  const { state, results } = props;
  const count = results ? describeCount(results.total, state.q) : '';
  const described = state.q || results?.active.length ? `${count} — ` : '';
  const pageNote = state.page > 1 ? `page ${state.page} — ` : '';
  const title = props.queryError ? 'Erreur : Rechercher' : `${described}${pageNote}Rechercher`;
  return (
    <PortalLayout
      title={title}
      heading="Rechercher"
      section="/recherche"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Rechercher' }]}
      meta={{
        canonicalPath: props.canonicalPath,
        description: state.q
          ? `Résultats de la recherche « ${state.q} » dans les contenus des services publics de Nouvelle-Calédonie.`
          : 'Rechercher dans les actualités, démarches, événements et alertes des services publics de Nouvelle-Calédonie.',
        feeds: [props.feed],
      }}
      intro={
        <>
          <ErrorSummary errors={props.queryError ? [{ field: 'q', message: props.queryError }] : []} />
          <SearchForm
            action="/recherche"
            label="Rechercher dans les contenus des partenaires"
            hint="Par exemple : permis de conduire, coupure d'eau, acte de naissance"
            value={state.q}
            error={props.queryError}
            hidden={hiddenFields(state, ['filters', 'dates', 'sort'])}
          />
        </>
      }
    >
      {props.services && props.services.length > 0 && <ServicesFirst services={props.services} />}
      {results && <Results {...props} results={results} count={count} />}
    </PortalLayout>
  );
}

function Results(props: SearchPageProps & { results: NonNullable<SearchPageProps['results']>; count: string }) {
  const { state, results } = props;
  return (
    <div class="pl-search-layout">
      <section class="pl-search-layout__results" aria-labelledby="resultats-titre">
        <h2 class="pl-section__title" id="resultats-titre">
          Résultats
        </h2>
        <p class="pl-results-count" role="status">
          {applyFrenchTypography(props.count)}
        </p>
        {results.queryTruncated && (
          <p class="pl-hint">
            {applyFrenchTypography(
              `Votre recherche était très longue : seuls ses premiers mots ont été cherchés, « ${state.q} ».`,
            )}
          </p>
        )}
        {results.didYouMean && (
          <p class="pl-did-you-mean">
            {applyFrenchTypography('Vous vouliez dire : ')}
            <a href={results.didYouMean.href}>{applyFrenchTypography(`« ${results.didYouMean.text} »`)}</a>
            {'\u202f?'}
          </p>
        )}
        <ActiveFilters active={results.active} clearHref={props.clearHref} />
        {results.facets.some((g) => g.values.length > 0) && (
          <p class="pl-skip-to-filters">
            <a href="#pl-facets-title">Aller aux filtres</a>
          </p>
        )}
        {results.total === 0 ? (
          <NoResult
            q={state.q}
            wishHref={props.wishHref}
            filtered={results.active.length > 0}
            clearHref={props.clearHref}
          />
        ) : (
          <CardList cards={results.cards} />
        )}
        <Pagination page={state.page} pageCount={results.pageCount} hrefFor={props.hrefForPage} />
        {results.total > 0 && <FeedLinks feed={props.feed} label="Suivre cette recherche" />}
      </section>
      <div class="pl-search-layout__filters">
        <Facets groups={results.facets} clearHref={results.active.length ? props.clearHref : undefined} />
        <OrderAndDates state={state} />
      </div>
    </div>
  );
}

/** The démarches en ligne the words name, before the publications: go straight to the service. */
function ServicesFirst({ services }: { services: NonNullable<SearchPageProps['services']> }) {
  return (
    <section class="pl-section pl-services-first" aria-labelledby="demarches-titre">
      <h2 class="pl-section__title" id="demarches-titre">
        {services.length > 1 ? 'Démarches en ligne' : 'Démarche en ligne'}
      </h2>
      <ul class="pl-services">
        {services.map(({ service, partnerName }) => (
          <li key={service.id}>
            <ServiceCard service={service} partnerName={partnerName} />
          </li>
        ))}
      </ul>
      <p>
        <a href="/demarches">{applyFrenchTypography('Toutes les démarches en ligne')}</a>
      </p>
    </section>
  );
}

function ActiveFilters({ active, clearHref }: { active: ActiveFilter[]; clearHref: string }) {
  if (active.length === 0) return null;
  return (
    <div class="pl-active-filters">
      <p class="pl-active-filters__title" id="filtres-actifs">
        Filtres actifs
      </p>
      <ul class="pl-active-filters__list">
        {active.map((f) => (
          <li key={f.removeHref}>
            <a class="pl-active-filters__link" href={f.removeHref}>
              <span class="pl-visually-hidden">Retirer le filtre </span>
              {applyFrenchTypography(f.label)}
              <span class="pl-active-filters__cross" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
        {active.length > 1 && (
          <li>
            <a href={clearHref}>Tout retirer</a>
          </li>
        )}
      </ul>
    </div>
  );
}

function NoResult(props: { q: string; wishHref: string; filtered: boolean; clearHref: string }) {
  return (
    <div class="pl-no-result">
      <p>{applyFrenchTypography('Quelques pistes :')}</p>
      <ul>
        <li>{applyFrenchTypography("vérifiez l'orthographe des mots ;")}</li>
        <li>{applyFrenchTypography('essayez des mots plus courants, ou moins de mots ;')}</li>
        {props.filtered && (
          <li>
            <a href={props.clearHref}>cherchez sans les filtres</a>
            {applyFrenchTypography(' ;')}
          </li>
        )}
        <li>
          <a href="/partenaires">cherchez directement chez le partenaire concerné</a>.
        </li>
      </ul>
      {props.q && (
        <p>
          {applyFrenchTypography("Ce que vous cherchiez n'existe pas encore ? ")}
          <a href={props.wishHref}>{applyFrenchTypography('Dites-nous ce qui manque')}</a>
          {applyFrenchTypography(' : les partenaires lisent ces demandes.')}
        </p>
      )}
    </div>
  );
}

function OrderAndDates({ state }: { state: SearchState }) {
  return (
    <section class="pl-search-options" aria-labelledby="options-titre">
      <h2 class="pl-facets__title" id="options-titre">
        Ordre et dates
      </h2>
      <form method="get" action="/recherche">
        {Object.entries(hiddenFields(state, ['q', 'filters'])).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <SelectField
          name="sort"
          label="Trier par"
          value={state.sort ?? (state.q ? 'relevance' : 'date')}
          options={[
            { value: 'relevance', label: 'Pertinence' },
            { value: 'date', label: 'Date, les plus récents d’abord' },
          ]}
        />
        <TextField name="from" type="date" label="Publié depuis le" value={state.from?.slice(0, 10)} />
        <TextField name="to" type="date" label="Publié jusqu'au" value={state.to?.slice(0, 10)} />
        <Button variant="secondary">Appliquer</Button>
      </form>
    </section>
  );
}
