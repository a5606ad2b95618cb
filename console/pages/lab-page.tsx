/**
 * One lab: its state, who else has it open, the approvals and the publication, the
 * document section by section with its discussions, the requests to join and the outside
 * reviewers.
 */
import { applyFrenchTypography, Button, formatDate, SanitizedHtml, SummaryList, Tag } from '../../hub/ui/index.js';
import type { LabView } from '../../hub/labs/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { LabApprovals } from '../components/lab-approvals.js';
import { SectionComments } from '../components/lab-comments.js';
import { LAB_STATUS, listNames, presenceText } from '../components/lab-labels.js';
import { LabPeople, type LabPeopleProps } from '../components/lab-people.js';
import type { CommentThreadView } from '../components/lab-thread-types.js';
import { ConsoleLayout } from '../layout.js';

export interface LabPageProps extends Omit<LabPeopleProps, 'lab' | 'csrf'> {
  chrome: Chrome;
  lab: LabView;
  threads: CommentThreadView[];
  present: { name: string; partnerId?: string }[];
  partnerName: (id: string) => string;
  myPartner?: string;
}

export function LabPage(props: LabPageProps) {
  const { chrome, lab, partnerName } = props;
  const base = `/console/ateliers/${lab.id}`;
  const status = LAB_STATUS[lab.status];
  const presence = applyFrenchTypography(presenceText(props.present, partnerName));
  return (
    <ConsoleLayout
      chrome={chrome}
      title={lab.title}
      breadcrumbs={[{ label: 'Ateliers', href: '/console/ateliers' }, { label: lab.title }]}
    >
      <p class="pl-lab-presence" id="presence" data-presence={`${base}/presence`} hidden={presence === ''}>
        {presence}
      </p>
      <SummaryList
        rows={[
          { label: 'Statut', value: <Tag tone={status.tone}>{status.label}</Tag> },
          { label: 'Partenaires concernés', value: listNames(lab.partnerIds.map(partnerName)) },
          {
            label: 'Révision',
            value:
              lab.revision === 0
                ? 'Document vide'
                : `${lab.revision}, par ${lab.lastAuthor?.name ?? '?'}${lab.note ? ` : « ${lab.note} »` : ''}`,
          },
          ...(lab.dueDate ? [{ label: 'Échéance', value: formatDate(lab.dueDate) }] : []),
          ...(lab.itemId
            ? [
                {
                  label: 'Publié',
                  value: (
                    <a
                      href={`/articles/${lab.itemId}`}
                    >{`Révision ${lab.publishedRevision ?? ''}, voir la page publique`}</a>
                  ),
                },
              ]
            : []),
          ...(lab.unreviewedBy.length
            ? [{ label: 'Non relu par', value: listNames(lab.unreviewedBy.map(partnerName)) }]
            : []),
        ]}
      />
      <div class="pl-button-group">
        {lab.permissions.edit && lab.status !== 'abandonne' && (
          <Button href={`${base}/modifier`}>Modifier le document</Button>
        )}
        {lab.revision > 1 && (
          <Button variant="secondary" href={`${base}/differences?de=${lab.revision - 1}&a=${lab.revision}`}>
            Voir les différences
          </Button>
        )}
      </div>
      <StageForms lab={lab} csrf={chrome.csrf} />
      <LabApprovals
        lab={lab}
        csrf={chrome.csrf}
        partnerName={partnerName}
        {...(props.myPartner ? { myPartner: props.myPartner } : {})}
      />
      <section class="pl-section" aria-labelledby="document-titre">
        <h2 id="document-titre">Le document</h2>
        {lab.sections.length === 0 && (
          <p>{applyFrenchTypography('Le document est vide : modifiez-le pour écrire la première révision.')}</p>
        )}
        {lab.sections.map((s) => (
          <section key={s.slug} id={`section-${s.slug}`} class="pl-lab-section" aria-label={`Section « ${s.title} »`}>
            <SanitizedHtml as="div" class="pl-prose" html={s.html} />
            <SectionComments
              action={`${base}/commentaires`}
              section={s}
              threads={props.threads.filter((t) => (t.section ?? 'introduction') === s.slug)}
              csrf={chrome.csrf}
              canResolve={lab.permissions.edit}
            />
          </section>
        ))}
      </section>
      <LabPeople lab={lab} csrf={chrome.csrf} memberships={props.memberships} reviewers={props.reviewers} />
    </ConsoleLayout>
  );
}

function StageForms({ lab, csrf }: { lab: LabView; csrf: string }) {
  if (!lab.permissions.lead) return null;
  const action = `/console/ateliers/${lab.id}/statut`;
  const form = (status: string, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      <input type="hidden" name="status" value={status} />
      <Button variant={variant}>{label}</Button>
    </form>
  );
  return (
    <div class="pl-button-group">
      {lab.status === 'brouillon' &&
        lab.revision > 0 &&
        form('en-relecture', 'Demander la relecture aux partenaires', 'primary')}
      {lab.status === 'abandonne'
        ? form('brouillon', 'Reprendre l’atelier')
        : lab.status !== 'publie' && form('abandonne', 'Abandonner l’atelier')}
    </div>
  );
}
