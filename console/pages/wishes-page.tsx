/**
 * Souhaits: what awaits the agent (wishes to moderate, or to answer for its partner), or
 * every wish it may see, filtered by status. A wish to moderate carries its own small form.
 */
import type { AdminWish } from '../../hub/voice/index.js';
import { applyFrenchTypography, Button, formatDateTime, Pagination, Tag, TextField } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { WISH_MODERATION_LABELS, WISH_STATUS_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

export type WishView = 'a-traiter' | 'tous';

export interface WishesPageProps {
  chrome: Chrome;
  view: WishView;
  status: string;
  wishes: AdminWish[];
  total: number;
  page: number;
  pageCount: number;
  /** Platform admins moderate from the list; partners answer from the wish's page. */
  moderates: boolean;
  /** May enter a wish on a citizen's behalf. */
  enters: boolean;
  /** The viewer is a platform admin: « à traiter » means « à modérer ». */
  platform: boolean;
}

const PATH = '/console/souhaits';

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}

function listHref(view: WishView, status: string, page?: number): string {
  const params = new URLSearchParams({ vue: view, ...(status ? { statut: status } : {}) });
  if (page && page > 1) params.set('page', String(page));
  return `${PATH}?${params.toString()}`;
}

function Tabs({ view, platform }: { view: WishView; platform: boolean }) {
  const tabs: [WishView, string][] = [
    ['a-traiter', platform ? 'À modérer' : 'À répondre'],
    ['tous', 'Tous les souhaits'],
  ];
  return (
    <nav aria-label="Listes de souhaits" class="pl-tabs">
      <ul class="pl-tabs__list">
        {tabs.map(([v, label]) => (
          <li key={v}>
            <a href={listHref(v, '')} aria-current={v === view ? 'page' : undefined}>
              {applyFrenchTypography(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function StatusFilter({ status }: { status: string }) {
  return (
    <form method="get" action={PATH} class="pl-filters">
      <input type="hidden" name="vue" value="tous" />
      <div class="pl-field">
        <label class="pl-label" for="statut">
          Statut
        </label>
        <select class="pl-select" id="statut" name="statut">
          <option value="">Tous</option>
          {Object.entries(WISH_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value} selected={value === status}>
              {applyFrenchTypography(label)}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary">Filtrer</Button>
    </form>
  );
}

/** Approve / reject / hide one wish, with a reason kept in its moderation log. */
export function WishModerationForm({ wish, csrf, back }: { wish: AdminWish; csrf: string; back: string }) {
  return (
    <form method="post" action={`${PATH}/${wish.id}/moderation`} class="pl-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="retour" value={back} />
      <TextField
        name="reason"
        id={`reason-${wish.id}`}
        label="Motif (facultatif)"
        hint="Gardé dans l’historique de modération du souhait, jamais public."
      />
      <div class="pl-actions">
        {wish.moderation !== 'published' && (
          <Button name="action" value="approve">
            Approuver
          </Button>
        )}
        {wish.moderation === 'pending' && (
          <Button name="action" value="reject" variant="secondary">
            Refuser
          </Button>
        )}
        {wish.moderation !== 'hidden' && (
          <Button name="action" value="hide" variant="secondary">
            Masquer
          </Button>
        )}
      </div>
    </form>
  );
}

function WishRow({ wish, moderates, csrf, back }: { wish: AdminWish; moderates: boolean; csrf: string; back: string }) {
  const partners = wish.partners.map((p) => p.name).join(', ');
  return (
    <li class="pl-comment">
      <h2>
        <a href={`${PATH}/${wish.id}`}>{wish.title}</a>
      </h2>
      <p class="pl-muted">
        <Tag tone={wish.moderation === 'published' ? 'neutral' : 'info'}>
          {WISH_MODERATION_LABELS[wish.moderation] ?? wish.moderation}
        </Tag>{' '}
        <Tag>{WISH_STATUS_LABELS[wish.status] ?? wish.status}</Tag> Proposé le{' '}
        <time dateTime={wish.createdAt}>{formatDateTime(wish.createdAt)}</time>
        {wish.origin.network ? ` (saisi depuis ${wish.origin.network})` : ''} — {plural(wish.supports, 'soutien')}
        {partners ? applyFrenchTypography(` — confié à : ${partners}`) : ''}
      </p>
      <blockquote class="pl-comment__body">{wish.body}</blockquote>
      {moderates && wish.moderation !== 'published' && <WishModerationForm wish={wish} csrf={csrf} back={back} />}
    </li>
  );
}

export function WishesPage(props: WishesPageProps) {
  const { chrome, view, status, wishes, total, page, pageCount, moderates, enters, platform } = props;
  const what =
    view === 'a-traiter'
      ? platform
        ? `${plural(total, 'souhait')} à modérer (en attente, ou masqués par des signalements).`
        : `${plural(total, 'souhait')} confiés à votre partenaire, sans réponse.`
      : `${plural(total, 'souhait')}.`;
  const back = listHref(view, status, page);
  return (
    <ConsoleLayout chrome={chrome} title="Souhaits" lede={applyFrenchTypography(what)}>
      <Tabs view={view} platform={platform} />
      {enters && (
        <p>
          <a href={`${PATH}/nouveau`}>Saisir un souhait recueilli sur un réseau social</a>
        </p>
      )}
      {view === 'tous' && <StatusFilter status={status} />}
      {wishes.length === 0 ? (
        <p>{applyFrenchTypography('Aucun souhait dans cette liste.')}</p>
      ) : (
        <ul class="pl-comments">
          {wishes.map((w) => (
            <WishRow key={w.id} wish={w} moderates={moderates} csrf={chrome.csrf} back={back} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listHref(view, status, p)} />
    </ConsoleLayout>
  );
}
