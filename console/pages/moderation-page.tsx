/** Modération: the queue (one form for many comments), one comment with its actions, the log. */
import type { AdminComment, LogEntry, QueueStatus } from '../../hub/interaction/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  formatDateTime,
  Pagination,
  SelectField,
  Table,
  Tag,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { COMMENT_STATUS_LABELS, describeFlags, MODERATION_ACTION_LABELS, WAIT_REASON_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

const QUEUE_LABELS: Record<QueueStatus, string> = {
  review: 'À modérer',
  pending: 'En attente',
  published: 'Publiés',
  rejected: 'Refusés',
  hidden: 'Masqués',
};

const ACTION_CHOICES = [
  { value: 'approve', label: 'Approuver (publier)' },
  { value: 'reject', label: 'Refuser' },
  { value: 'hide', label: 'Masquer' },
];

function waitReasons(c: AdminComment): string {
  const reasons = (c.waitReasons ?? []).map((r) =>
    r === 'flags' && c.flags.total
      ? `${WAIT_REASON_LABELS.flags} (${describeFlags(c.flags.reasons)})`
      : WAIT_REASON_LABELS[r],
  );
  const text = reasons.join(' ; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

export interface ModerationQueuePageProps {
  chrome: Chrome;
  comments: AdminComment[];
  total: number;
  page: number;
  pageCount: number;
  status: QueueStatus;
  /** The comments of one item only ('' for all). */
  itemId: string;
}

export function ModerationQueuePage(props: ModerationQueuePageProps) {
  const { chrome, comments, total, page, pageCount, status, itemId } = props;
  const onItem = itemId ? `&contenu=${encodeURIComponent(itemId)}` : '';
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Modération"
      lede={applyFrenchTypography(`${QUEUE_LABELS[status]} : ${total} commentaire${total > 1 ? 's' : ''}.`)}
    >
      <nav aria-label="Files de modération" class="pl-tabs">
        <ul class="pl-tabs__list">
          {(Object.keys(QUEUE_LABELS) as QueueStatus[]).map((s) => (
            <li key={s}>
              <a href={`/console/moderation?statut=${s}${onItem}`} aria-current={s === status ? 'page' : undefined}>
                {QUEUE_LABELS[s]}
              </a>
            </li>
          ))}
          <li>
            <a href="/console/moderation/journal">Journal</a>
          </li>
        </ul>
      </nav>
      {comments.length === 0 ? (
        <p>{applyFrenchTypography('Aucun commentaire dans cette file.')}</p>
      ) : (
        <form method="post" action="/console/moderation/lot" class="pl-form">
          <CsrfField token={chrome.csrf} />
          <fieldset class="pl-fieldset">
            <legend class="pl-legend">Commentaires (cochez ceux à traiter)</legend>
            <ul class="pl-comments">
              {comments.map((c) => (
                <li class="pl-comment" key={c.id}>
                  <div class="pl-choice">
                    <input class="pl-choice__input" type="checkbox" name="ids" value={c.id} id={`c-${c.id}`} />
                    <label class="pl-choice__label" for={`c-${c.id}`}>
                      <strong>{c.author}</strong> sur « {c.item?.title ?? c.itemId} », le {formatDateTime(c.createdAt)}
                    </label>
                  </div>
                  <blockquote class="pl-comment__body">{c.body}</blockquote>
                  {c.waitReasons && c.waitReasons.length > 0 && (
                    <p class="pl-comment__why">
                      <Tag tone="info">En attente</Tag> {applyFrenchTypography(waitReasons(c))}
                    </p>
                  )}
                  <p>
                    <a href={`/console/moderation/${c.id}`}>Traiter ce commentaire seul (réponse, mise en sourdine)</a>
                  </p>
                </li>
              ))}
            </ul>
          </fieldset>
          <SelectField name="action" label="Action pour les commentaires cochés" options={ACTION_CHOICES} />
          <TextField name="reason" label="Motif (facultatif)" hint="Gardé dans le journal de la modération." />
          <Button>Appliquer aux commentaires cochés</Button>
        </form>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/console/moderation?statut=${status}${onItem}&page=${p}`}
      />
    </ConsoleLayout>
  );
}

export interface CommentPageProps {
  chrome: Chrome;
  comment: AdminComment;
  log: LogEntry[];
  muteMaxHours: number;
}

const MUTE_CHOICES = [
  { value: '24', label: '24 heures' },
  { value: '168', label: '7 jours' },
  { value: '720', label: '30 jours' },
];

export function CommentPage({ chrome, comment: c, log }: CommentPageProps) {
  const base = `/console/moderation/${c.id}`;
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`Commentaire de ${c.author}`}
      breadcrumbs={
        <Breadcrumbs
          items={[{ label: 'Modération', href: '/console/moderation' }, { label: `Commentaire de ${c.author}` }]}
        />
      }
    >
      <p>
        Sur <a href={`/articles/${c.itemId}`}>« {c.item?.title ?? c.itemId} »</a>, le {formatDateTime(c.createdAt)} —{' '}
        <Tag>{COMMENT_STATUS_LABELS[c.status] ?? c.status}</Tag>
      </p>
      <blockquote class="pl-comment__body">{c.body}</blockquote>
      {waitReasons(c) && <p>{applyFrenchTypography(`Pourquoi il attend : ${waitReasons(c)}.`)}</p>}
      <section class="pl-section" aria-labelledby="decision-titre">
        <h2 id="decision-titre">Décision</h2>
        <form method="post" action={base} class="pl-form">
          <CsrfField token={chrome.csrf} />
          <TextField
            name="reason"
            id="decision-reason"
            label="Motif (facultatif)"
            hint="Gardé dans le journal de la modération."
          />
          <div class="pl-actions">
            <Button name="action" value="approve">
              Approuver
            </Button>
            <Button name="action" value="reject" variant="secondary">
              Refuser
            </Button>
            <Button name="action" value="hide" variant="secondary">
              Masquer
            </Button>
          </div>
        </form>
      </section>
      <section class="pl-section" aria-labelledby="reponse-titre">
        <h2 id="reponse-titre">Réponse officielle</h2>
        <form method="post" action={`${base}/reponse`} class="pl-form">
          <CsrfField token={chrome.csrf} />
          <TextareaField name="body" label="Votre réponse, publiée au nom du partenaire" rows={4} />
          <Button variant="secondary">Publier la réponse</Button>
        </form>
      </section>
      <section class="pl-section" aria-labelledby="muet-titre">
        <h2 id="muet-titre">Rendre l’auteur muet</h2>
        <form method="post" action={`${base}/muet`} class="pl-form">
          <CsrfField token={chrome.csrf} />
          <SelectField name="hours" label="Pendant" options={MUTE_CHOICES} />
          <TextField name="reason" id="mute-reason" label="Motif (facultatif)" />
          <Button variant="secondary">Rendre muet</Button>
        </form>
      </section>
      <section class="pl-section" aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique</h2>
        <LogTable entries={log} id="historique" />
      </section>
    </ConsoleLayout>
  );
}

function LogTable({ entries, id }: { entries: LogEntry[]; id: string }) {
  return (
    <Table
      id={id}
      caption="Décisions de modération, la plus récente d’abord"
      rows={entries}
      rowKey={(e) => e.id}
      empty="Aucune décision pour l’instant."
      columns={[
        { header: 'Quand', rowHeader: true, cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
        { header: 'Action', cell: (e) => MODERATION_ACTION_LABELS[e.action] ?? e.action },
        { header: 'Par', cell: (e) => e.by.name },
        { header: 'Motif', cell: (e) => e.reason ?? '—' },
        { header: 'Commentaire', cell: (e) => <a href={`/console/moderation/${e.commentId}`}>voir</a> },
      ]}
    />
  );
}

export function ModerationLogPage({
  chrome,
  entries,
  page,
  pageCount,
}: {
  chrome: Chrome;
  entries: LogEntry[];
  page: number;
  pageCount: number;
}) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Journal de la modération"
      breadcrumbs={<Breadcrumbs items={[{ label: 'Modération', href: '/console/moderation' }, { label: 'Journal' }]} />}
    >
      <LogTable entries={entries} id="journal" />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/console/moderation/journal?page=${p}`} />
    </ConsoleLayout>
  );
}
