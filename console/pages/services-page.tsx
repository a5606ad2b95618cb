/** Démarches en ligne: a partner's services (with their exits of the last 30 days) and the day-by-day counts. */
import type { ExitReport } from '../../hub/online-services/index.js';
import { applyFrenchTypography, formatDate, Table, Tag } from '../../hub/ui/index.js';
import type { OnlineService } from '../../schemas/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

export interface ServicesPageProps {
  chrome: Chrome;
  services: OnlineService[];
  exits: ExitReport;
  /** The partner shown (a platform admin may see all: undefined). */
  partnerId?: string;
  partnerName?: string;
}

export const SERVICES_PATH = '/console/demarches';

const ORIGIN_LABELS: Record<OnlineService['origin']['kind'], string> = {
  editor: 'Saisi dans la console',
  fiche: 'Fiche DILA',
  source: 'Source',
};

export function ServicesPage({ chrome, services, exits, partnerId, partnerName }: ServicesPageProps) {
  const totals = new Map(exits.services.map((r) => [r.serviceId, r.total]));
  const newHref = partnerId ? `${SERVICES_PATH}/nouvelle?partenaire=${partnerId}` : `${SERVICES_PATH}/nouvelle`;
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Démarches en ligne"
      lede={applyFrenchTypography(
        `Les services en ligne ${partnerName ? `de ${partnerName} ` : ''}vers lesquels le portail envoie les citoyens. Chaque passage par le portail est compté, sans rien garder du visiteur.`,
      )}
    >
      <p>
        <a class="pl-button" href={newHref}>
          Ajouter une démarche
        </a>
      </p>
      <Table
        id="demarches"
        caption={`${services.length} démarche${services.length > 1 ? 's' : ''}`}
        rows={services}
        rowKey={(s) => s.id}
        empty="Aucune démarche en ligne pour l’instant."
        columns={[
          {
            header: 'Démarche',
            rowHeader: true,
            cell: (s) => <a href={`${SERVICES_PATH}/${s.id}`}>{s.name}</a>,
          },
          { header: 'Origine', cell: (s) => ORIGIN_LABELS[s.origin.kind] },
          {
            header: 'État',
            cell: (s) => (s.status === 'active' ? <Tag tone="success">En ligne</Tag> : <Tag>Retirée</Tag>),
          },
          { header: 'Sorties (30 j)', numeric: true, cell: (s) => String(totals.get(s.id) ?? 0) },
          { header: 'Action', cell: (s) => <StatusButton service={s} csrf={chrome.csrf} /> },
        ]}
      />
      <ExitsTable exits={exits} />
    </ConsoleLayout>
  );
}

/** Withdraw or put back: only for the services the console writes (a source decides for its own). */
function StatusButton({ service, csrf }: { service: OnlineService; csrf: string }) {
  if (service.origin.kind !== 'editor') return <span>Suit sa source</span>;
  const withdraw = service.status === 'active';
  return (
    <form method="post" action={`${SERVICES_PATH}/${service.id}/${withdraw ? 'retirer' : 'remettre'}`}>
      <CsrfField token={csrf} />
      <button type="submit" class="pl-link-button">
        {withdraw ? 'Retirer' : 'Remettre en ligne'}
        <span class="pl-visually-hidden"> {service.name}</span>
      </button>
    </form>
  );
}

function ExitsTable({ exits }: { exits: ExitReport }) {
  return (
    <section class="pl-section" aria-labelledby="sorties-titre">
      <h2 id="sorties-titre">Sorties vers les démarches</h2>
      <p>
        {applyFrenchTypography(
          `Du ${formatDate(exits.from)} au ${formatDate(exits.to)} (heure de Nouméa) : ${exits.total} sortie${exits.total > 1 ? 's' : ''} au total.`,
        )}
      </p>
      <Table
        id="sorties"
        caption="Sorties par démarche et par jour"
        rows={exits.services}
        rowKey={(r) => r.serviceId}
        empty="Aucune sortie sur la période."
        columns={[
          { header: 'Démarche', rowHeader: true, cell: (r) => r.name },
          { header: 'Total', numeric: true, cell: (r) => String(r.total) },
          {
            header: 'Par jour',
            cell: (r) => (
              <ul class="pl-inline-list">
                {[...r.days].reverse().map((d) => (
                  <li key={d.day}>
                    <time dateTime={d.day}>{formatDate(d.day)}</time>
                    {applyFrenchTypography(` : ${d.count}`)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </section>
  );
}
