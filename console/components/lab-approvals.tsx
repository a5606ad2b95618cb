/** Each concerned partner's approval of the latest revision, and the forms to approve and publish. */
import {
  applyFrenchTypography,
  Button,
  formatDateTime,
  Table,
  Tag,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { LabView } from '../../hub/labs/index.js';
import { CsrfField } from './csrf-field.js';
import { listNames } from './lab-labels.js';

export interface LabApprovalsProps {
  lab: LabView;
  csrf: string;
  partnerName: (id: string) => string;
  /** The partner the viewer approves for, if any. */
  myPartner?: string;
}

export function LabApprovals({ lab, csrf, partnerName, myPartner }: LabApprovalsProps) {
  const base = `/console/ateliers/${lab.id}`;
  const rows = lab.partnerIds.map((partnerId) => ({
    partnerId,
    approval: lab.approvals.find((a) => a.partnerId === partnerId),
  }));
  const mayApprove = lab.permissions.approve && myPartner && !lab.approvals.some((a) => a.partnerId === myPartner);
  const open = lab.status !== 'abandonne' && lab.revision > 0;
  return (
    <section class="pl-section" aria-labelledby="approbations-titre">
      <h2 id="approbations-titre">{`Approbations de la révision ${lab.revision}`}</h2>
      <p class="pl-muted">{applyFrenchTypography('Toute nouvelle révision annule les approbations données.')}</p>
      <Table
        id="approbations"
        caption="Partenaires concernés"
        rows={rows}
        rowKey={(r) => r.partnerId}
        columns={[
          {
            header: 'Partenaire',
            rowHeader: true,
            cell: (r) => partnerName(r.partnerId) + (r.partnerId === lab.leadPartnerId ? ' (pilote)' : ''),
          },
          { header: 'État', cell: (r) => (r.approval ? <Tag tone="success">Approuvé</Tag> : <Tag>En attente</Tag>) },
          {
            header: 'Par',
            cell: (r) => (r.approval ? `${r.approval.by.name}, ${formatDateTime(r.approval.at)}` : '—'),
          },
        ]}
      />
      {open && mayApprove && (
        <form method="post" action={`${base}/approbation`} class="pl-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="revision" value={String(lab.revision)} />
          <Button>{`Approuver la révision ${lab.revision} pour ${partnerName(myPartner)}`}</Button>
        </form>
      )}
      {open && lab.permissions.lead && lab.status !== 'publie' && (
        <PublishForms lab={lab} csrf={csrf} partnerName={partnerName} />
      )}
    </section>
  );
}

function PublishForms({ lab, csrf, partnerName }: Omit<LabApprovalsProps, 'myPartner'>) {
  const base = `/console/ateliers/${lab.id}`;
  const later = lab.publications.length > 0;
  const missing = listNames(lab.missingApprovals.map(partnerName));
  return (
    <>
      <h3>Publier</h3>
      {lab.missingApprovals.length === 0 ? (
        <form method="post" action={`${base}/publication`} class="pl-form">
          <CsrfField token={csrf} />
          {later && (
            <TextField
              name="note"
              label="Note de mise à jour publique"
              hint="Affichée aux citoyens : « Mis à jour le … : … »."
              value={lab.note ?? ''}
            />
          )}
          <Button>{`Publier la révision ${lab.revision}`}</Button>
        </form>
      ) : (
        <p>{applyFrenchTypography(`La publication attend l’approbation de : ${missing}.`)}</p>
      )}
      {lab.permissions.forcePublish && lab.missingApprovals.length > 0 && (
        <form method="post" action={`${base}/publication`} class="pl-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="force" value="oui" />
          {later && <TextField name="note" label="Note de mise à jour publique" value={lab.note ?? ''} />}
          <TextareaField
            name="reason"
            label="Raison de la publication forcée"
            hint={`Le contenu affichera « non relu par : ${missing} » jusqu’à leur approbation.`}
            rows={3}
          />
          <Button variant="secondary">Forcer la publication</Button>
        </form>
      )}
    </>
  );
}
