/**
 * Avis sur les pages: a partner's pages least useful first (rate, answers, reasons), and one
 * page's reasons and free texts — shown to agents only, never published.
 */
import { FEEDBACK_REASON_LABELS } from '../../hub/voice/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  formatDateTime,
  Notice,
  SelectField,
  SummaryList,
  Table,
  type Choice,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { VoiceTabs } from '../components/voice-tabs.js';
import { ConsoleLayout } from '../layout.js';

export interface FeedbackRowView {
  itemId: string;
  title: string;
  useful: number;
  notUseful: number;
  usefulRate: number;
  reasons: Record<string, number>;
}

export interface FeedbackListProps {
  chrome: Chrome;
  /** Platform admins choose a partner; undefined until they do. */
  partnerId?: string;
  partnerName?: string;
  partners?: Choice[];
  totals?: { useful: number; notUseful: number; usefulRate: number | null };
  rows: FeedbackRowView[];
}

const PATH = '/console/avis';
const REASONS = FEEDBACK_REASON_LABELS as Record<string, string>;

/** « 42 % » in French (non-breaking space before %). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}\u202f%`;
}

/** The reasons most given first: « pas clair : 3, incomplet : 1 ». */
export function describeReasons(reasons: Record<string, number>): string {
  const given = Object.entries(reasons)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return given.length ? given.map(([r, n]) => `${(REASONS[r] ?? r).toLowerCase()} : ${n}`).join(', ') : '—';
}

/** A platform admin's choice of partner (agents of a partner see their own). */
export function PartnerPicker({
  partners,
  partnerId,
  action,
}: {
  partners: Choice[];
  partnerId?: string;
  action: string;
}) {
  return (
    <form method="get" action={action} class="pl-filters">
      <SelectField
        name="partenaire"
        label="Partenaire"
        placeholder="Choisir un partenaire"
        options={partners}
        value={partnerId}
      />
      <Button variant="secondary">Afficher</Button>
    </form>
  );
}

export function FeedbackListPage({ chrome, partnerId, partnerName, partners, totals, rows }: FeedbackListProps) {
  const answers = totals ? totals.useful + totals.notUseful : 0;
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Avis sur les pages"
      lede={applyFrenchTypography(
        'Les réponses des citoyens à « Cette page vous a-t-elle été utile ? », les pages les moins utiles d’abord.',
      )}
    >
      <VoiceTabs current="avis" partner={partners ? partnerId : undefined} />
      {partners && <PartnerPicker partners={partners} partnerId={partnerId} action={PATH} />}
      {partnerId && totals && (
        <p>
          {applyFrenchTypography(
            `${partnerName ?? partnerId} : ${answers} réponse${answers > 1 ? 's' : ''}, ${formatRate(totals.usefulRate)} de « oui ».`,
          )}
        </p>
      )}
      {partnerId && (
        <Table
          id="avis"
          caption="Pages ayant reçu des avis, les moins utiles d’abord"
          rows={rows}
          rowKey={(r) => r.itemId}
          empty="Aucun avis pour l’instant."
          columns={[
            { header: 'Page', rowHeader: true, cell: (r) => <a href={`${PATH}/${r.itemId}`}>{r.title}</a> },
            { header: 'Utile', numeric: true, cell: (r) => formatRate(r.usefulRate) },
            { header: 'Oui', numeric: true, cell: (r) => String(r.useful) },
            { header: 'Non', numeric: true, cell: (r) => String(r.notUseful) },
            { header: 'Raisons des « non »', cell: (r) => applyFrenchTypography(describeReasons(r.reasons)) },
          ]}
        />
      )}
    </ConsoleLayout>
  );
}

export interface FeedbackItemProps {
  chrome: Chrome;
  itemId: string;
  title: string;
  useful: number;
  notUseful: number;
  usefulRate: number | null;
  reasons: Record<string, number>;
  texts: { text: string; useful: boolean; reasons: string[]; at: string }[];
}

export function FeedbackItemPage(props: FeedbackItemProps) {
  const { chrome, itemId, title, useful, notUseful, usefulRate, reasons, texts } = props;
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`Avis : ${title}`}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Avis sur les pages', href: PATH }, { label: title }]} />}
    >
      <p>
        <a href={`/articles/${itemId}`}>Voir la page sur le portail</a>
      </p>
      <SummaryList
        rows={[
          { label: 'Utile', value: formatRate(usefulRate) },
          { label: 'Oui', value: String(useful) },
          { label: 'Non', value: String(notUseful) },
          { label: 'Raisons des « non »', value: applyFrenchTypography(describeReasons(reasons)) },
        ]}
      />
      <section class="pl-section" aria-labelledby="textes-titre">
        <h2 id="textes-titre">Ce que les citoyens ont écrit</h2>
        <Notice kind="info" title="Ces textes ne sont jamais publiés.">
          <p>
            {applyFrenchTypography('Ils peuvent contenir des données personnelles : ne les recopiez pas ailleurs.')}
          </p>
        </Notice>
        {texts.length === 0 ? (
          <p>Aucun texte pour l’instant.</p>
        ) : (
          <ul class="pl-comments">
            {texts.map((t) => (
              <li class="pl-comment" key={t.at + t.text}>
                <p class="pl-muted">
                  <time dateTime={t.at}>{formatDateTime(t.at)}</time> — {t.useful ? 'Utile' : 'Pas utile'}
                  {t.reasons.length
                    ? applyFrenchTypography(` (${t.reasons.map((r) => (REASONS[r] ?? r).toLowerCase()).join(', ')})`)
                    : ''}
                </p>
                <blockquote class="pl-comment__body">{t.text}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </ConsoleLayout>
  );
}
