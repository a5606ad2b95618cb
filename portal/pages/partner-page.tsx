/**
 * /partenaires/:id: a partner — its website, how to reach it, its latest content by type,
 * its online services, its feeds; a commune's page also leads to everything that concerns its territory.
 */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography, getItemTypeLabel } from '../../hub/ui/index.js';
import type { OnlineService } from '../../schemas/index.js';
import { CardSection } from '../components/card-list.js';
import { FeedLinks } from '../components/feed-links.js';
import { ServiceCard } from '../components/service-card.js';
import { PortalLayout } from '../layout.js';
import type { FeedLink } from '../site/feeds.js';
import type { LinkedCard } from '../view/cards.js';
import { PARTNER_KIND_SINGULAR, PROVINCE_LABELS, hostOf, ofCommune, type PartnerRef } from '../view/partner-words.js';

export interface PartnerPageProps {
  partner: PartnerRef;
  latest: LinkedCard[];
  total: number;
  /** Published items per type, most first. */
  types: [type: string, count: number][];
  feed: FeedLink;
  structuredData: Record<string, unknown>[];
  /** Its online services (the first ones, by name) and how many it has. */
  services: OnlineService[];
  servicesTotal: number;
  /** The partner's contact card, once contacts are public data (issue 14). */
  contact?: ComponentChildren;
}

const number = new Intl.NumberFormat('fr-NC');

/** « Commune de la province Sud », « Établissement public ». */
export function describePartnerKind(partner: PartnerRef): string {
  const kind = PARTNER_KIND_SINGULAR[partner.kind] ?? partner.kind;
  const province = partner.province && partner.kind === 'commune' ? PROVINCE_LABELS[partner.province] : undefined;
  return province ? `${kind} de la ${province.charAt(0).toLowerCase()}${province.slice(1)}` : kind;
}

export function PartnerPage(props: PartnerPageProps) {
  const { partner } = props;
  const search = `/recherche?partner=${partner.id}&sort=date`;
  return (
    <PortalLayout
      title={partner.name}
      section="/partenaires"
      breadcrumbs={[
        { label: 'Accueil', href: '/' },
        { label: 'Partenaires', href: '/partenaires' },
        { label: partner.name },
      ]}
      lede={applyFrenchTypography(partner.description ?? describePartnerKind(partner))}
      meta={{
        canonicalPath: `/partenaires/${partner.id}`,
        description: partner.description ?? `${partner.name} : ses publications, son site et ses flux sur Passerelle.`,
        feeds: [props.feed],
        structuredData: props.structuredData,
      }}
    >
      <section class="pl-section" aria-labelledby="contact-titre">
        <h2 class="pl-section__title" id="contact-titre">
          Contacter ou visiter
        </h2>
        <ul class="pl-link-list">
          {partner.website && (
            <li>
              {applyFrenchTypography('Site web : ')}
              <a href={partner.website}>{hostOf(partner.website) ?? partner.website}</a>
            </li>
          )}
          {partner.kind === 'commune' && (
            <li>
              <a href={`/communes/${partner.id}`}>{`Tout ce qui concerne la commune ${ofCommune(partner.name)}`}</a>
            </li>
          )}
        </ul>
        {props.contact}
      </section>
      {props.services.length > 0 && (
        <section class="pl-section" aria-labelledby="demarches-titre">
          <h2 class="pl-section__title" id="demarches-titre">
            Démarches en ligne
          </h2>
          <ul class="pl-services">
            {props.services.map((service) => (
              <li key={service.id}>
                <ServiceCard service={service} partnerName={partner.name} />
              </li>
            ))}
          </ul>
          {props.servicesTotal > props.services.length && (
            <p>
              <a href={`/demarches?partner=${partner.id}`}>
                {`Toutes ses démarches en ligne (${number.format(props.servicesTotal)})`}
              </a>
            </p>
          )}
        </section>
      )}
      <CardSection
        id="dernieres"
        title="Dernières publications"
        cards={props.latest}
        more={{ href: search, label: `Toutes ses publications (${number.format(props.total)})` }}
        empty={<p>{applyFrenchTypography("Ce partenaire n'a encore rien publié sur Passerelle.")}</p>}
      />
      {props.types.length > 1 && (
        <section class="pl-section" aria-labelledby="par-type-titre">
          <h2 class="pl-section__title" id="par-type-titre">
            Par type de contenu
          </h2>
          <ul class="pl-link-grid">
            {props.types.map(([type, count]) => (
              <li key={type}>
                <a href={`/recherche?partner=${partner.id}&type=${type}`}>{getItemTypeLabel(type)}</a>
                <span class="pl-muted">{` (${number.format(count)})`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="pl-section" aria-labelledby="flux-titre">
        <h2 class="pl-section__title" id="flux-titre">
          Ses flux
        </h2>
        <FeedLinks feed={props.feed} label="Ses publications" />
      </section>
    </PortalLayout>
  );
}
