/**
 * An outside reviewer's page (/console/relecture/:token): the lab's document section by
 * section, its co-authors and status, the discussions and the forms to comment or reply.
 * Nothing else: no approval, no edit, no other lab, no navigation of the console.
 */
import { applyFrenchTypography, formatDate, Notice, SanitizedHtml, SummaryList, Tag } from '../../hub/ui/index.js';
import type { LabView } from '../../hub/labs/index.js';
import { SectionComments } from '../components/lab-comments.js';
import { LAB_STATUS, listNames } from '../components/lab-labels.js';
import type { CommentThreadView } from '../components/lab-thread-types.js';
import { AnonymousLayout } from '../layout.js';

export interface ReviewPageProps {
  token: string;
  csrf: string;
  lab: LabView;
  threads: CommentThreadView[];
  reviewer: { name: string; expiresAt: string };
  partnerName: (id: string) => string;
  /** The comment just posted (after the redirect). */
  posted?: boolean;
  /** The comment refused, with why. */
  refused?: string;
}

export function ReviewPage(props: ReviewPageProps) {
  const { lab, partnerName, reviewer } = props;
  const status = LAB_STATUS[lab.status];
  const action = `/console/relecture/${props.token}`;
  return (
    <AnonymousLayout
      title={lab.title}
      refused={props.refused !== undefined}
      lede={applyFrenchTypography(
        `Bonjour ${reviewer.name}. Vous êtes invité à relire ce document et à le commenter, section par section, jusqu’au ${formatDate(reviewer.expiresAt)}. Les partenaires concernés décident de la suite.`,
      )}
    >
      {props.posted && <Notice kind="success" status title="Merci : votre commentaire est publié dans l’atelier." />}
      {props.refused && (
        <Notice kind="alert" title="Votre commentaire n’a pas été publié">
          <p>{applyFrenchTypography(props.refused)}</p>
        </Notice>
      )}
      <SummaryList
        rows={[
          { label: 'Statut', value: <Tag tone={status.tone}>{status.label}</Tag> },
          { label: 'Rédigé par', value: listNames(lab.partnerIds.map(partnerName)) },
          { label: 'Révision', value: lab.revision === 0 ? 'Document vide' : String(lab.revision) },
        ]}
      />
      <section class="pl-section" aria-labelledby="document-titre">
        <h2 id="document-titre">Le document</h2>
        {lab.sections.length === 0 && <p>{applyFrenchTypography('Le document est encore vide.')}</p>}
        {lab.sections.map((s) => (
          <section key={s.slug} id={`section-${s.slug}`} class="pl-lab-section" aria-label={`Section « ${s.title} »`}>
            <SanitizedHtml as="div" class="pl-prose" html={s.html} />
            <SectionComments
              action={action}
              section={s}
              threads={props.threads.filter((t) => (t.section ?? 'introduction') === s.slug)}
              csrf={props.csrf}
              canResolve={false}
            />
          </section>
        ))}
      </section>
    </AnonymousLayout>
  );
}

/** The link is unknown (404), or revoked or expired (410). */
export function ReviewLinkGonePage({ status }: { status: 404 | 410 }) {
  const gone = status === 410;
  return (
    <AnonymousLayout title={gone ? 'Lien de relecture expiré' : 'Lien de relecture inconnu'}>
      <Notice kind="alert" title={gone ? 'Ce lien ne donne plus accès à l’atelier' : 'Ce lien ne mène à aucun atelier'}>
        <p>
          {applyFrenchTypography(
            gone
              ? 'Il a été révoqué ou il a expiré (un lien de relecture vaut 14 jours). Demandez-en un nouveau à l’agent qui vous a invité.'
              : 'Vérifiez que l’adresse a été copiée en entier, ou demandez un nouveau lien à l’agent qui vous a invité.',
          )}
        </p>
      </Notice>
      <p>
        <a href="/">Aller au portail service-public.nc</a>
      </p>
    </AnonymousLayout>
  );
}
