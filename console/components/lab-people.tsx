/** Requests to join a lab and its outside reviewers, with the lead's and editors' forms. */
import { applyFrenchTypography, Button, formatDate, Table, TextField } from '../../hub/ui/index.js';
import type { LabView } from '../../hub/labs/index.js';
import { CsrfField } from './csrf-field.js';

export interface MembershipRow {
  id: string;
  agent: { name: string };
  status: 'en-attente' | 'accepte' | 'refuse';
}

export interface ReviewerRow {
  id: string;
  name: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface LabPeopleProps {
  lab: LabView;
  csrf: string;
  memberships: MembershipRow[];
  reviewers: ReviewerRow[];
}

const MEMBER_STATUS = { 'en-attente': 'En attente', accepte: 'Accepté', refuse: 'Refusé' } as const;

export function LabPeople({ lab, csrf, memberships, reviewers }: LabPeopleProps) {
  const base = `/console/ateliers/${lab.id}`;
  return (
    <section class="pl-section" aria-labelledby="participants-titre">
      <h2 id="participants-titre">Participants</h2>
      {!lab.permissions.edit && (
        <form method="post" action={`${base}/membres`}>
          <CsrfField token={csrf} />
          <p>
            {applyFrenchTypography(
              'Tout agent lit et commente. Pour modifier le document, demandez à rejoindre l’atelier : le partenaire pilote décide.',
            )}
          </p>
          <Button variant="secondary">Demander à rejoindre l’atelier</Button>
        </form>
      )}
      {memberships.length > 0 && (
        <Table
          id="membres"
          caption="Demandes pour rejoindre l’atelier"
          rows={memberships}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Agent', rowHeader: true, cell: (m) => m.agent.name },
            { header: 'État', cell: (m) => MEMBER_STATUS[m.status] },
            {
              header: 'Décision',
              cell: (m) =>
                lab.permissions.lead && m.status === 'en-attente' ? (
                  <form method="post" action={`${base}/membres/${encodeURIComponent(m.id)}`}>
                    <CsrfField token={csrf} />
                    <button type="submit" class="pl-link-button" name="accept" value="oui">
                      Accepter<span class="pl-visually-hidden"> {m.agent.name}</span>
                    </button>{' '}
                    <button type="submit" class="pl-link-button" name="accept" value="non">
                      Refuser<span class="pl-visually-hidden"> {m.agent.name}</span>
                    </button>
                  </form>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {lab.permissions.invite && (
        <>
          <h3>Relecteurs extérieurs</h3>
          {reviewers.length > 0 && (
            <Table
              id="relecteurs"
              caption="Relecteurs invités : lecture et commentaires seulement"
              rows={reviewers}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Nom', rowHeader: true, cell: (r) => r.name },
                {
                  header: 'Lien',
                  cell: (r) => (r.revokedAt ? 'Révoqué' : `Valable jusqu’au ${formatDate(r.expiresAt)}`),
                },
                {
                  header: 'Action',
                  cell: (r) =>
                    r.revokedAt ? (
                      '—'
                    ) : (
                      <form method="post" action={`${base}/relecteurs/${r.id}/revoquer`}>
                        <CsrfField token={csrf} />
                        <button type="submit" class="pl-link-button">
                          Révoquer<span class="pl-visually-hidden"> le lien de {r.name}</span>
                        </button>
                      </form>
                    ),
                },
              ]}
            />
          )}
          <form method="post" action={`${base}/relecteurs`} class="pl-form">
            <CsrfField token={csrf} />
            <TextField name="name" label="Nom du relecteur" />
            <TextField name="email" label="Adresse e-mail (facultative)" />
            <Button variant="secondary">Inviter par un lien</Button>
          </form>
        </>
      )}
    </section>
  );
}
