/**
 * Sources: the list (status, last and next run, items, failures), a source's page (runs,
 * errors grouped by message, rejected entries), run now, enable or disable, delete with
 * confirmation. Creating and editing are in source-form.ts.
 */
import type { Context } from 'koa';
import { audited } from '../../hub/audit/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  findListedSource,
  findSource,
  listRuns,
  listSources,
  snapshotSource,
  toRun,
  toSource,
  updateSource,
  type SourceDoc,
} from '../../hub/sources/index.js';
import { deleteSource } from '../../hub/sources/index.js';
import { countPublishedBySource } from '../../hub/items/index.js';
import type { Source } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { pageParam, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import { SOURCE_STATES, SourcePage, SourcesPage, stateOf, type SourceState } from '../pages/sources-page.js';
import type { Middleware } from 'koa';

/** A source the viewer may manage: 404 when unknown, 403 when another partner's. */
export async function loadOwnSource(ctx: Context) {
  const source = await findSource(String(ctx.params.id));
  if (!source) throw new NotFound('cette source');
  assertOwnPartner(getViewer(ctx), source.partnerId);
  return source;
}

/**
 * The same, to show it: from the sources held in memory (hub/sources/source-list.ts; this
 * process's writes at once, another's within a second) rather than a FerretDB read by
 * `_id`. The actions (run, enable, delete, edit) read the stored document.
 */
async function loadOwnListedSource(ctx: Context) {
  const source = await findListedSource(String(ctx.params.id));
  if (!source) throw new NotFound('cette source');
  assertOwnPartner(getViewer(ctx), source.partnerId);
  return source;
}

/** Rows of the sources list per page: 200 rows were 53 KB of HTML and most of the page's time. */
export const SOURCES_PAGE_SIZE = 50;

/**
 * The published items of the source, counted in the console's listing in memory (exact and
 * current) rather than the count its last run stored.
 */
function withItemCount(source: Source, counts: ReadonlyMap<string, number>): Source {
  return { ...source, state: { ...source.state, itemCount: counts.get(source.id) ?? 0 } };
}

/**
 * The view of a source listed from memory, made once per document: listSources hands out
 * the same documents until a source is written (a new token, new documents), and making 200
 * views took 7 ms a page of CPU (most of the list's time on a loaded machine).
 */
const views = new WeakMap<SourceDoc, Source>();
function viewOf(doc: SourceDoc): Source {
  let view = views.get(doc);
  if (!view) views.set(doc, (view = toSource(doc)));
  return view;
}

function listPage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire'));
    const asked = queryParam(ctx, 'etat');
    const state = SOURCE_STATES.some((s) => s.value === asked) ? (asked as SourceState) : undefined;
    const [docs, counts] = await Promise.all([
      listSources({ ...(partnerId ? { partnerId } : {}), ...(state === 'echec' ? { alerts: true } : {}) }),
      countPublishedBySource(partnerId),
    ]);
    const partners = deps.catalog.partners.current();
    // Failing sources first (a stable sort keeps the partner and creation order within each).
    const matching = docs
      .map(viewOf)
      .filter((source) => state === undefined || stateOf(source) === state)
      .sort((a, b) => (a.state.alert ? 0 : 1) - (b.state.alert ? 0 : 1));
    const pageCount = Math.max(1, Math.ceil(matching.length / SOURCES_PAGE_SIZE));
    // A page past the last (a source deleted since the link was made) shows the last page.
    const page = Math.min(pageParam(ctx), pageCount);
    const sources = matching
      .slice((page - 1) * SOURCES_PAGE_SIZE, page * SOURCES_PAGE_SIZE)
      .map((source) => withItemCount(source, counts));
    await renderScreen(ctx, deps, 'sources', SourcesPage, {
      sources,
      total: matching.length,
      page,
      pageCount,
      filters: { etat: state ?? '', partenaire: viewer.partnerId ? '' : (partnerId ?? '') },
      partnerName: (id: string) => partners.get(id)?.name ?? id,
      platform: !viewer.partnerId,
    });
  };
}

function sourcePage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    // The runs are read beside the source (two FerretDB round trips at once, not in turn);
    // they are shown only once the source is found to be the viewer's.
    const [doc, runDocs] = await Promise.all([loadOwnListedSource(ctx), listRuns(String(ctx.params.id), 20)]);
    const source = withItemCount(viewOf(doc), await countPublishedBySource(doc.partnerId));
    const runs = runDocs.map(toRun);
    const partner = deps.catalog.partners.current().get(source.partnerId);
    await renderScreen(ctx, deps, 'sources', SourcePage, {
      source,
      runs,
      partnerName: partner?.name ?? source.partnerId,
      confirmDelete: queryParam(ctx, 'supprimer') === '1',
    });
  };
}

function runNow(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const source = await loadOwnSource(ctx);
    const run = await deps.runNow(source._id);
    const to = `/console/sources/${source._id}`;
    if (!run)
      return redirectWithFlash(ctx, to, { kind: 'info', message: 'Une collecte de cette source est déjà en cours.' });
    const message =
      run.status === 'running'
        ? 'La collecte est lancée ; rechargez la page dans un moment pour voir son résultat.'
        : run.status === 'failed'
          ? `La collecte a échoué : ${run.error?.message ?? 'raison inconnue'}.`
          : `Collecte terminée : ${run.counts.created} nouveaux contenus, ${run.counts.updated} modifiés.`;
    await redirectWithFlash(ctx, to, { kind: run.status === 'failed' ? 'alert' : 'success', message });
  };
}

function toggle(deps: ConsoleDeps, enabled: boolean) {
  return async (ctx: Context) => {
    const source = await loadOwnSource(ctx);
    await updateSource(source, { enabled });
    if (enabled) deps.nudge();
    await redirectWithFlash(ctx, `/console/sources/${source._id}`, {
      kind: 'success',
      message: enabled
        ? 'La source est activée : elle sera lue à son heure.'
        : 'La source est désactivée : elle ne sera plus lue.',
    });
  };
}

function remove(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const source = await loadOwnSource(ctx);
    await deleteSource(source._id);
    await deps.itemsChanged();
    await redirectWithFlash(ctx, '/console/sources', {
      kind: 'success',
      message: `La source « ${source.name ?? source.url} » est supprimée ; ses contenus sont retirés.`,
    });
  };
}

const journal = (action: string, always = false) =>
  audited({ action, target: 'source', snapshot: snapshotSource, always });

export function addSourceScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('sources');
  const etat = {
    etat: { description: 'Un état : « echec », « desactivee », « partielle », « jamais-lue » ou « en-service »' },
    page: { description: `Page (${SOURCES_PAGE_SIZE} sources par page, les sources en échec d’abord)` },
    partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' },
  };
  addPage(group, '/console/sources', 'Les sources du partenaire', etat, agent, may, listPage(deps));
  addPage(
    group,
    '/console/sources/:id',
    'Une source : ses collectes et ses erreurs',
    undefined,
    agent,
    may,
    sourcePage(deps),
  );
  addAction(
    group,
    '/console/sources/:id/collecter',
    'Lancer la collecte maintenant',
    agent,
    may,
    journal('source.run', true),
    runNow(deps),
  );
  addAction(
    group,
    '/console/sources/:id/activer',
    'Activer la source',
    agent,
    may,
    journal('source.update'),
    toggle(deps, true),
  );
  addAction(
    group,
    '/console/sources/:id/desactiver',
    'Désactiver la source',
    agent,
    may,
    journal('source.update'),
    toggle(deps, false),
  );
  addAction(
    group,
    '/console/sources/:id/supprimer',
    'Supprimer la source (ses contenus sont retirés)',
    agent,
    may,
    journal('source.delete'),
    remove(deps),
  );
}
