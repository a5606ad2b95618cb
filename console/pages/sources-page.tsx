/** Sources: the list, and one source with its runs and errors. */
import type { Run, Source } from '../../schemas/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  Pagination,
  SelectField,
  SummaryList,
  Table,
  Tag,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { When } from '../components/when.js';
import { RUN_STATUS_LABELS, SOURCE_KIND_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

const when = (value?: Date | string) => <When value={value} />;

/** The states a source is listed under (`?etat=`), in the words of the list. */
export const SOURCE_STATES = [
  { value: 'echec', label: 'En échec', heading: 'Sources en échec' },
  { value: 'desactivee', label: 'Désactivée', heading: 'Sources désactivées' },
  { value: 'partielle', label: 'Partielle', heading: 'Sources lues en partie' },
  { value: 'jamais-lue', label: 'Jamais lue', heading: 'Sources jamais lues' },
  { value: 'en-service', label: 'En service', heading: 'Sources en service' },
] as const;
export type SourceState = (typeof SOURCE_STATES)[number]['value'];

/** The one state a source shows (the first that applies, in the order above). */
export function stateOf(source: Source): SourceState {
  if (source.state.alert) return 'echec';
  if (!source.enabled) return 'desactivee';
  if (source.state.lastStatus === 'partial') return 'partielle';
  if (!source.state.lastRunAt) return 'jamais-lue';
  return 'en-service';
}

const TONES = {
  echec: 'alert',
  desactivee: 'neutral',
  partielle: 'info',
  'jamais-lue': 'info',
  'en-service': 'success',
} as const;

function SourceStatus({ source }: { source: Source }) {
  const state = stateOf(source);
  const label = SOURCE_STATES.find((s) => s.value === state)!.label;
  return <Tag tone={TONES[state]}>{label}</Tag>;
}

export interface SourceFilters {
  /** A state of SOURCE_STATES, or '' for every source. */
  etat: string;
  /** A partner (platform admins), or ''. */
  partenaire: string;
}

/** The list's address for a page, keeping the filters. */
export function sourcesHref(filters: SourceFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/console/sources?${query}` : '/console/sources';
}

export interface SourcesPageProps {
  chrome: Chrome;
  /** The rows of this page. */
  sources: Source[];
  /** How many sources match the filters, on every page. */
  total: number;
  page: number;
  pageCount: number;
  filters: SourceFilters;
  platform: boolean;
  partnerName(id: string): string;
}

export function SourcesPage(props: SourcesPageProps) {
  const { chrome, sources, total, page, pageCount, filters, platform, partnerName } = props;
  const heading = SOURCE_STATES.find((s) => s.value === filters.etat)?.heading ?? 'Sources';
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`${heading} (${total})`}
      lede={applyFrenchTypography('Les flux et API que Passerelle lit pour vous, les sources en échec d’abord.')}
    >
      <p class="pl-actions">
        <Button href="/console/sources/nouvelle">Ajouter une source</Button>
        {filters.etat === 'echec' ? (
          <a href={sourcesHref({ ...filters, etat: '' })}>Toutes les sources</a>
        ) : (
          <a href={sourcesHref({ ...filters, etat: 'echec' })}>Seulement les sources en échec</a>
        )}
      </p>
      <form method="get" action="/console/sources" class="pl-form pl-filters" aria-label="Filtrer les sources">
        {filters.partenaire && <input type="hidden" name="partenaire" value={filters.partenaire} />}
        <SelectField
          name="etat"
          label="État"
          placeholder="Tous les états"
          options={SOURCE_STATES.map(({ value, label }) => ({ value, label }))}
          value={filters.etat}
        />
        <Button variant="secondary">Filtrer</Button>
      </form>
      <Table
        id="sources"
        caption={`${total} source${total > 1 ? 's' : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`}
        rows={sources}
        rowKey={(s) => s.id}
        empty="Aucune source pour l’instant : ajoutez la première à partir de l’adresse de votre site."
        columns={[
          {
            header: 'Source',
            rowHeader: true,
            cell: (s) => <a href={`/console/sources/${s.id}`}>{s.name ?? s.url}</a>,
          },
          ...(platform ? [{ header: 'Partenaire', cell: (s: Source) => partnerName(s.partnerId) }] : []),
          { header: 'État', cell: (s) => <SourceStatus source={s} /> },
          { header: 'Dernière collecte', cell: (s) => when(s.state.lastRunAt) },
          { header: 'Prochaine', cell: (s) => (s.enabled ? when(s.state.nextRunAt) : '—') },
          { header: 'Contenus', numeric: true, cell: (s) => s.state.itemCount ?? 0 },
          { header: 'Échecs de suite', numeric: true, cell: (s) => s.state.consecutiveFailures },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => sourcesHref(filters, p)} />
    </ConsoleLayout>
  );
}

/** Errors of the runs grouped by message, most frequent first. */
function groupErrors(runs: Run[]): { message: string; count: number; last: string }[] {
  const groups = new Map<string, { message: string; count: number; last: string }>();
  for (const run of runs) {
    const messages = [...(run.error ? [run.error.message] : []), ...run.itemErrors.map((e) => e.reason)];
    for (const message of messages) {
      const g = groups.get(message) ?? { message, count: 0, last: run.startedAt };
      g.count += 1;
      if (run.startedAt > g.last) g.last = run.startedAt;
      groups.set(message, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export interface SourcePageProps {
  chrome: Chrome;
  source: Source;
  runs: Run[];
  partnerName: string;
  confirmDelete: boolean;
}

export function SourcePage({ chrome, source, runs, partnerName, confirmDelete }: SourcePageProps) {
  const base = `/console/sources/${source.id}`;
  const errors = groupErrors(runs);
  const rejected = runs
    .flatMap((r) => r.itemErrors.filter((e) => e.entry).map((e) => ({ ...e, run: r.id })))
    .slice(0, 5);
  return (
    <ConsoleLayout
      chrome={chrome}
      title={source.name ?? source.url}
      breadcrumbs={
        <Breadcrumbs items={[{ label: 'Sources', href: '/console/sources' }, { label: source.name ?? source.url }]} />
      }
    >
      {source.state.alert && (
        <div class="pl-notice pl-notice--alert" role="status">
          <p class="pl-notice__title">{applyFrenchTypography(`En échec : ${source.state.alert.message}`)}</p>
        </div>
      )}
      <SummaryList
        rows={[
          { label: 'État', value: <SourceStatus source={source} /> },
          { label: 'Partenaire', value: partnerName },
          { label: 'Type', value: SOURCE_KIND_LABELS[source.kind] ?? source.kind },
          { label: 'Adresse', value: <a href={source.url}>{source.url}</a> },
          { label: 'Calendrier (cron, heure de Nouméa)', value: <code>{source.schedule}</code> },
          { label: 'Dernière collecte', value: when(source.state.lastRunAt) },
          {
            label: 'Prochaine collecte',
            value: source.enabled ? when(source.state.nextRunAt) : 'aucune : la source est désactivée',
          },
          { label: 'Contenus publiés', value: String(source.state.itemCount ?? 0) },
          { label: 'Échecs de suite', value: String(source.state.consecutiveFailures) },
        ]}
      />
      <div class="pl-actions">
        <form method="post" action={`${base}/collecter`}>
          <CsrfField token={chrome.csrf} />
          <Button>Collecter maintenant</Button>
        </form>
        <Button href={`${base}/modifier`} variant="secondary">
          Modifier
        </Button>
        <form method="post" action={`${base}/${source.enabled ? 'desactiver' : 'activer'}`}>
          <CsrfField token={chrome.csrf} />
          <Button variant="secondary">{source.enabled ? 'Désactiver' : 'Activer'}</Button>
        </form>
        {!confirmDelete && <a href={`${base}?supprimer=1#suppression`}>Supprimer…</a>}
      </div>
      {confirmDelete && (
        <section class="pl-section pl-danger" id="suppression" aria-labelledby="suppression-titre">
          <h2 id="suppression-titre">Supprimer cette source ?</h2>
          <p>
            {applyFrenchTypography(
              'Ses contenus seront retirés du portail, des flux et des widgets. Cette action est définitive.',
            )}
          </p>
          <form method="post" action={`${base}/supprimer`} class="pl-actions">
            <CsrfField token={chrome.csrf} />
            <Button>Oui, supprimer la source</Button>
            <a href={base}>Non, la garder</a>
          </form>
        </section>
      )}
      <section class="pl-section" aria-labelledby="collectes-titre">
        <h2 id="collectes-titre">Dernières collectes</h2>
        <Table
          id="collectes"
          caption="Les 20 dernières collectes, la plus récente d’abord"
          rows={runs}
          rowKey={(r) => r.id}
          empty="Cette source n’a pas encore été lue."
          columns={[
            { header: 'Début', rowHeader: true, cell: (r) => when(r.startedAt) },
            { header: 'Résultat', cell: (r) => RUN_STATUS_LABELS[r.status] ?? r.status },
            { header: 'Lus', numeric: true, cell: (r) => r.counts.fetched },
            { header: 'Nouveaux', numeric: true, cell: (r) => r.counts.created },
            { header: 'Modifiés', numeric: true, cell: (r) => r.counts.updated },
            { header: 'Rejetés', numeric: true, cell: (r) => r.counts.rejected },
            {
              header: 'Durée',
              numeric: true,
              cell: (r) => (r.durationMs === undefined ? '—' : `${(r.durationMs / 1000).toFixed(1)} s`),
            },
          ]}
        />
      </section>
      {errors.length > 0 && (
        <section class="pl-section" aria-labelledby="erreurs-titre">
          <h2 id="erreurs-titre">Erreurs, regroupées</h2>
          <Table
            id="erreurs"
            caption="Erreurs des 20 dernières collectes, les plus fréquentes d’abord"
            rows={errors}
            rowKey={(e) => e.message}
            columns={[
              { header: 'Message', rowHeader: true, cell: (e) => applyFrenchTypography(e.message) },
              { header: 'Fois', numeric: true, cell: (e) => e.count },
              { header: 'Dernière', cell: (e) => when(e.last) },
            ]}
          />
        </section>
      )}
      {rejected.length > 0 && (
        <section class="pl-section" aria-labelledby="rejets-titre">
          <h2 id="rejets-titre">Entrées rejetées, telles que reçues</h2>
          {rejected.map((e, i) => (
            <details class="pl-details" key={`${e.run}-${i}`}>
              <summary>{applyFrenchTypography(`${e.guid ?? `Entrée ${(e.index ?? 0) + 1}`} : ${e.reason}`)}</summary>
              <pre class="pl-copy__code" tabindex={0}>
                <code>{e.entry}</code>
              </pre>
            </details>
          ))}
        </section>
      )}
    </ConsoleLayout>
  );
}
