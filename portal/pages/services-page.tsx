/** /demarches: the online services of every partner, searchable and filtered, each with its way out. */
import { applyFrenchTypography, Button, Pagination, SelectField, TextField } from '../../hub/ui/index.js';
import type { Choice } from '../../hub/ui/index.js';
import type { OnlineService } from '../../schemas/index.js';
import { ServiceCard } from '../components/service-card.js';
import { PortalLayout } from '../layout.js';

export interface ServicesPageProps {
  q: string;
  commune: string;
  audience: string;
  partner: string;
  communes: Choice[];
  partners: Choice[];
  total: number;
  page: number;
  pageCount: number;
  services: { service: OnlineService; partnerName: string }[];
  /** The query string of the filters, without the page (for pagination links). */
  query: string;
}

const AUDIENCES: Choice[] = [
  { value: 'particuliers', label: 'Particuliers' },
  { value: 'professionnels', label: 'Professionnels' },
  { value: 'associations', label: 'Associations' },
];
const number = new Intl.NumberFormat('fr-NC');

export function ServicesPage(props: ServicesPageProps) {
  const base = props.query ? `/demarches?${props.query}` : '/demarches';
  const filtered = Boolean(props.q || props.commune || props.audience || props.partner);
  return (
    <PortalLayout
      title={props.page > 1 ? `Démarches en ligne — page ${props.page}` : 'Démarches en ligne'}
      section="/demarches"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Démarches en ligne' }]}
      lede={applyFrenchTypography(
        'Les services en ligne des partenaires : faites votre démarche directement sur le site du service concerné.',
      )}
      meta={{
        canonicalPath: '/demarches',
        description: 'Les démarches en ligne des services publics de Nouvelle-Calédonie, par commune et par public.',
      }}
    >
      <form
        class="pl-form pl-section"
        method="get"
        action="/demarches"
        role="search"
        aria-label="Filtrer les démarches"
      >
        <TextField
          name="q"
          label="Quelle démarche ?"
          type="search"
          value={props.q}
          hint="Par exemple : acte de naissance, inscription"
        />
        <SelectField
          name="commune"
          label="Ma commune"
          options={props.communes}
          value={props.commune}
          placeholder="Toute la Nouvelle-Calédonie"
        />
        <SelectField
          name="audience"
          label="Vous êtes"
          options={AUDIENCES}
          value={props.audience}
          placeholder="Tous les publics"
        />
        <SelectField
          name="partner"
          label="Partenaire"
          options={props.partners}
          value={props.partner}
          placeholder="Tous les partenaires"
        />
        <Button>Afficher les démarches</Button>
      </form>
      <section class="pl-section" aria-labelledby="demarches-titre">
        <h2 class="pl-section__title" id="demarches-titre">
          {applyFrenchTypography(
            props.total
              ? `${number.format(props.total)} démarche${props.total > 1 ? 's' : ''} en ligne`
              : 'Aucune démarche en ligne ne correspond',
          )}
        </h2>
        {props.total === 0 && filtered && (
          <p>
            <a href="/demarches">{applyFrenchTypography('Voir toutes les démarches en ligne')}</a>
          </p>
        )}
        <ul class="pl-services">
          {props.services.map(({ service, partnerName }) => (
            <li key={service.id}>
              <ServiceCard service={service} partnerName={partnerName} />
            </li>
          ))}
        </ul>
        <Pagination
          page={props.page}
          pageCount={props.pageCount}
          hrefFor={(p) => (p > 1 ? `${base}${props.query ? '&' : '?'}page=${p}` : base)}
        />
      </section>
    </PortalLayout>
  );
}
