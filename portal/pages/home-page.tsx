/**
 * The portal's home page: the search box; the alerts in force, the chosen commune's first;
 * « Ma commune »; the latest news of the commune, its province and all of New Caledonia (or
 * the latest of all when no commune is chosen); entry points by topic and by audience.
 */
import { applyFrenchTypography, SearchForm } from '../../hub/ui/index.js';
import { CardSection, type CardSectionProps } from '../components/card-list.js';
import { CommuneForm } from '../components/commune-form.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';
import { PortalLayout } from '../layout.js';
import { itemsFeed } from '../site/feeds.js';
import type { LinkedCard } from '../view/cards.js';
import type { PartnerRef } from '../view/partner-words.js';

export interface TopicLink {
  slug: string;
  label: string;
  count: number;
}

export interface HomePageProps {
  /** `/`, or `/?commune=…` when the address chose the commune. */
  canonicalPath: string;
  communes: PartnerRef[];
  /** The visitor's commune (cookie or ?commune=). */
  commune?: PartnerRef;
  alerts: LinkedCard[];
  /** News sections: the commune, its province, New Caledonia — or the latest of all. */
  news: Omit<CardSectionProps, 'id'>[];
  topics: TopicLink[];
  /** The schema.org WebSite with its SearchAction. */
  webSite: Record<string, unknown>;
}

const AUDIENCES = [
  { value: 'particuliers', label: 'Particuliers', hint: 'papiers, famille, logement, santé' },
  { value: 'professionnels', label: 'Professionnels', hint: 'création, fiscalité, emploi' },
  { value: 'associations', label: 'Associations', hint: 'création, fonctionnement, financement' },
];

const number = new Intl.NumberFormat('fr-NC');

export function HomePage(props: HomePageProps) {
  return (
    <PortalLayout
      title="Accueil"
      section="/"
      heading="Les services publics calédoniens, au même endroit"
      lede={applyFrenchTypography(
        'Actualités, démarches, événements et alertes des provinces, des communes, du gouvernement, de l’État et des établissements publics. Cherchez une fois, puis lisez chez le partenaire.',
      )}
      scripts={[SHARE_SCRIPT]}
      meta={{
        canonicalPath: props.canonicalPath,
        description:
          'Rechercher dans les actualités, démarches, événements et alertes des services publics de Nouvelle-Calédonie.',
        feeds: [
          props.commune
            ? itemsFeed(`Publications concernant ${props.commune.name}`, { commune: props.commune.communeCode })
            : itemsFeed('Toutes les publications'),
          itemsFeed('Alertes', { type: 'alert', commune: props.commune?.communeCode }),
        ],
        structuredData: [props.webSite],
      }}
      intro={
        <SearchForm
          action="/recherche"
          label="Rechercher dans les contenus des partenaires"
          hint="Par exemple : permis de conduire, coupure d'eau, acte de naissance"
        />
      }
    >
      <CardSection
        id="alertes"
        title={props.commune ? `Alertes, ${props.commune.name} d'abord` : 'Alertes en cours'}
        cards={props.alerts}
      />
      <section class="pl-section pl-my-commune" aria-labelledby="ma-commune-titre">
        <h2 class="pl-section__title" id="ma-commune-titre">
          Ma commune
        </h2>
        {props.commune && (
          <p>
            {applyFrenchTypography('Vous voyez d’abord ce qui concerne ')}
            <a href={`/communes/${props.commune.id}`}>{props.commune.name}</a>.
          </p>
        )}
        <CommuneForm communes={props.communes} chosen={props.commune} returnTo="/" />
      </section>
      {props.news.map((section, i) => (
        <CardSection key={section.title} id={`nouvelles-${i + 1}`} {...section} />
      ))}
      <TopicsAndAudiences topics={props.topics} />
      <ShareLinks path="/" title="Passerelle — les services publics calédoniens, au même endroit" />
    </PortalLayout>
  );
}

function TopicsAndAudiences({ topics }: { topics: TopicLink[] }) {
  return (
    <section class="pl-section" aria-labelledby="entrees-titre">
      <h2 class="pl-section__title" id="entrees-titre">
        Par thème, par public
      </h2>
      <div class="pl-entry-points">
        {topics.length > 0 && (
          <div>
            <h3>Thèmes</h3>
            <ul class="pl-link-grid">
              {topics.map((t) => (
                <li key={t.slug}>
                  <a href={`/themes/${t.slug}`}>{applyFrenchTypography(t.label)}</a>
                  <span class="pl-muted">{` (${number.format(t.count)})`}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <h3>Vous êtes</h3>
          <ul class="pl-link-grid pl-link-grid--wide">
            {AUDIENCES.map((a) => (
              <li key={a.value}>
                <a href={`/recherche?audience=${a.value}`}>{a.label}</a>
                <span class="pl-muted">{applyFrenchTypography(` : ${a.hint}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
