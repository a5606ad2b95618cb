/** The labs: « À traiter » (awaiting my partner's approval) or all of them, and opening one. */
import { applyFrenchTypography, Button, formatDate, Table, Tag } from '../../hub/ui/index.js';
import type { LabSummary } from '../../hub/labs/index.js';
import type { Chrome } from '../chrome.js';
import { LAB_STATUS, listNames } from '../components/lab-labels.js';
import { ConsoleLayout } from '../layout.js';

export interface LabsPageProps {
  chrome: Chrome;
  labs: LabSummary[];
  view: 'a-traiter' | 'tous';
  /** The viewer's partner (« À traiter » needs one). */
  hasPartner: boolean;
  canOpen: boolean;
  partnerName: (id: string) => string;
}

const PATH = '/console/ateliers';

export function LabsPage({ chrome, labs, view, hasPartner, canOpen, partnerName }: LabsPageProps) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Ateliers"
      lede={applyFrenchTypography(
        'Les contenus que plusieurs partenaires écrivent ensemble, relisent et approuvent avant de les publier.',
      )}
    >
      {canOpen && (
        <p>
          <Button href={`${PATH}/nouveau`}>Ouvrir un atelier</Button>
        </p>
      )}
      {hasPartner && (
        <nav aria-label="Vues des ateliers">
          <ul class="pl-inline-list pl-lab-views">
            <li>
              <a href={`${PATH}?vue=a-traiter`} aria-current={view === 'a-traiter' ? 'page' : undefined}>
                À traiter
              </a>
            </li>
            <li>
              <a href={`${PATH}?vue=tous`} aria-current={view === 'tous' ? 'page' : undefined}>
                Tous les ateliers
              </a>
            </li>
          </ul>
        </nav>
      )}
      <Table
        id="ateliers"
        caption={
          view === 'a-traiter'
            ? `${labs.length} en attente de l’approbation de votre partenaire`
            : `${labs.length} ateliers`
        }
        rows={labs}
        rowKey={(l) => l.id}
        empty={view === 'a-traiter' ? 'Aucun atelier n’attend votre approbation.' : 'Aucun atelier pour le moment.'}
        columns={[
          {
            header: 'Atelier',
            rowHeader: true,
            cell: (l) => <a href={`${PATH}/${l.id}`}>{applyFrenchTypography(l.title)}</a>,
          },
          { header: 'Statut', cell: (l) => <Tag tone={LAB_STATUS[l.status].tone}>{LAB_STATUS[l.status].label}</Tag> },
          { header: 'Partenaires', cell: (l) => listNames(l.partnerIds.map(partnerName)) },
          { header: 'Révision', cell: (l) => String(l.revision) },
          {
            header: 'Attend',
            cell: (l) =>
              l.missingApprovals.length && l.revision ? listNames(l.missingApprovals.map(partnerName)) : '—',
          },
          { header: 'Échéance', cell: (l) => (l.dueDate ? formatDate(l.dueDate) : '—') },
        ]}
      />
    </ConsoleLayout>
  );
}
