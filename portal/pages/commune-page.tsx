/**
 * /communes/:id: a commune — its partner page's essentials, then what concerns its
 * territory, its province and all of New Caledonia, and a button to make it « ma commune ».
 */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { CardSection, type CardSectionProps } from '../components/card-list.js';
import { ChooseThisCommune } from '../components/commune-form.js';
import { FeedLinks } from '../components/feed-links.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';
import { PortalLayout } from '../layout.js';
import type { FeedLink } from '../site/feeds.js';
import { hostOf, ofCommune, type PartnerRef } from '../view/partner-words.js';
import { describePartnerKind } from './partner-page.js';

export interface CommunePageProps {
  commune: PartnerRef;
  /** Whether it is already the visitor's commune. */
  chosen: boolean;
  sections: Omit<CardSectionProps, 'id'>[];
  feed: FeedLink;
  structuredData: Record<string, unknown>[];
}

export function CommunePage(props: CommunePageProps) {
  const { commune } = props;
  return (
    <PortalLayout
      title={commune.name}
      breadcrumbs={[
        { label: 'Accueil', href: '/' },
        { label: 'Partenaires', href: '/partenaires' },
        { label: commune.name },
      ]}
      lede={applyFrenchTypography(
        `${describePartnerKind(commune)} : ce qui concerne la commune, sa province et toute la Nouvelle-Calédonie.`,
      )}
      scripts={[SHARE_SCRIPT]}
      meta={{
        canonicalPath: `/communes/${commune.id}`,
        description: `Actualités, démarches, événements et alertes qui concernent ${commune.name}.`,
        feeds: [props.feed],
        structuredData: props.structuredData,
      }}
      intro={
        props.chosen ? (
          <p>
            {applyFrenchTypography(`${commune.name} est votre commune : l'accueil montre d'abord ce qui la concerne.`)}
          </p>
        ) : (
          <ChooseThisCommune commune={commune} returnTo={`/communes/${commune.id}`} />
        )
      }
    >
      <section class="pl-section" aria-labelledby="mairie-titre">
        <h2 class="pl-section__title" id="mairie-titre">
          La mairie
        </h2>
        <ul class="pl-link-list">
          {commune.website && (
            <li>
              {applyFrenchTypography('Site web : ')}
              <a href={commune.website}>{hostOf(commune.website) ?? commune.website}</a>
            </li>
          )}
          <li>
            <a href={`/partenaires/${commune.id}`}>{`Les publications de la mairie ${ofCommune(commune.name)}`}</a>
          </li>
        </ul>
      </section>
      {props.sections.map((section, i) => (
        <CardSection key={section.title} id={`commune-${i + 1}`} {...section} />
      ))}
      <FeedLinks feed={props.feed} label={`Suivre ce qui concerne ${commune.name}`} />
      <ShareLinks path={`/communes/${commune.id}`} title={`${commune.name} — services publics`} />
    </PortalLayout>
  );
}
