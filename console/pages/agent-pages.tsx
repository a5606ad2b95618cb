/** Notifications, the journal of changes, and the agent's own account. */
import type { AuditEntry } from '../../hub/audit/index.js';
import type { NotificationView } from '../../hub/notifications/index.js';
import { applyFrenchTypography, formatDateTime, Pagination, Table, Tag } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { AUDIT_ACTION_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

export interface NotificationsPageProps {
  chrome: Chrome;
  notifications: NotificationView[];
  seenBefore: string | undefined;
  mailConfigured: boolean;
  page: number;
  pageCount: number;
}

export function NotificationsPage({
  chrome,
  notifications,
  seenBefore,
  mailConfigured,
  page,
  pageCount,
}: NotificationsPageProps) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Notifications"
      lede={applyFrenchTypography(
        mailConfigured
          ? 'Ce que Passerelle vous a signalé, aussi envoyé par e-mail.'
          : 'Ce que Passerelle vous a signalé. L’envoi d’e-mails n’est pas configuré : tout est ici.',
      )}
    >
      {notifications.length === 0 && <p>Aucune notification pour l’instant.</p>}
      <ul class="pl-notifications">
        {notifications.map((n) => (
          <li class="pl-notification" key={n.id}>
            <h2 class="pl-notification__title">
              {(!seenBefore || n.createdAt > seenBefore) && <Tag tone="info">Nouvelle</Tag>}{' '}
              {applyFrenchTypography(n.title)}
            </h2>
            <p class="pl-muted">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </p>
            <p class="pl-notification__body">{applyFrenchTypography(n.body)}</p>
            {n.link && (
              <p>
                <a href={n.link}>Voir</a>
              </p>
            )}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/console/notifications?page=${p}`} />
    </ConsoleLayout>
  );
}

export function AuditPage({
  chrome,
  entries,
  page,
  pageCount,
}: {
  chrome: Chrome;
  entries: AuditEntry[];
  page: number;
  pageCount: number;
}) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Journal des modifications"
      lede="Qui a changé quoi, et quand : la plus récente d’abord."
    >
      <Table
        id="journal"
        caption="Modifications"
        captionHidden
        rows={entries}
        rowKey={(e) => e.id}
        empty="Aucune modification pour l’instant."
        columns={[
          { header: 'Quand', rowHeader: true, cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
          { header: 'Qui', cell: (e) => e.actor.name },
          {
            header: 'Quoi',
            cell: (e) => `${AUDIT_ACTION_LABELS[e.action] ?? e.action} : ${e.target.label ?? e.target.id}`,
          },
          {
            header: 'Avant → après',
            cell: (e) =>
              e.changes.length ? (
                <ul class="pl-changes">
                  {e.changes.slice(0, 5).map((c) => (
                    <li key={c.field}>
                      {c.field} : {c.before ?? '—'} → {c.after ?? '—'}
                    </li>
                  ))}
                </ul>
              ) : (
                (e.note ?? '—')
              ),
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/console/journal?page=${p}`} />
    </ConsoleLayout>
  );
}

export function MyAccountPage({ chrome, email, name }: { chrome: Chrome; email: string; name: string }) {
  return (
    <ConsoleLayout chrome={chrome} title="Votre compte" lede={applyFrenchTypography(`${name}, ${email}.`)}>
      <section class="pl-section" aria-labelledby="sessions-titre">
        <h2 id="sessions-titre">Vos sessions</h2>
        <p>
          {applyFrenchTypography(
            'Un appareil perdu, un ordinateur partagé ? Fermez toutes vos sessions, sur tous vos appareils.',
          )}
        </p>
        <form method="post" action="/console/deconnexion-partout">
          <CsrfField token={chrome.csrf} />
          <button type="submit" class="pl-button pl-button--secondary">
            Se déconnecter partout
          </button>
        </form>
      </section>
      <p class="pl-muted">
        {applyFrenchTypography(
          'Pour changer de mot de passe, demandez un lien à l’administrateur de votre partenaire.',
        )}
      </p>
    </ConsoleLayout>
  );
}
