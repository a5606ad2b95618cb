/**
 * Avis sur les pages: per partner, its pages least useful first; one page's reasons and
 * free texts. A partner's agents see their partner only; platform admins choose one.
 */
import type { Context, Middleware } from 'koa';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { findItemOwner, findItemTitles, listHardestToRead } from '../../hub/items/index.js';
import type { ConsoleDeps } from '../deps.js';
import { pageParam, queryParam } from '../http/forms.js';
import { renderScreen } from '../http/respond.js';
import { addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import { FeedbackItemPage, FeedbackListPage } from '../pages/feedback-page.js';
import { ReadabilityPage } from '../pages/readability-page.js';

const ROWS = 100;

/** The partner shown: the agent's own; a platform admin's choice (?partenaire=), with the choices. */
async function choosePartner(ctx: Context, deps: ConsoleDeps) {
  const viewer = getViewer(ctx);
  const directory = await deps.catalog.partners.get();
  const asked = queryParam(ctx, 'partenaire');
  const partnerId = scopePartner(viewer, directory.has(asked) ? asked : undefined);
  const partners =
    viewer.role === 'platform-admin'
      ? [...directory.values()]
          .map((p) => ({ value: p.id, label: p.name }))
          .sort((a, b) => a.label.localeCompare(b.label, 'fr'))
      : undefined;
  return {
    ...(partnerId ? { partnerId, partnerName: directory.get(partnerId)?.name ?? partnerId } : {}),
    ...(partners ? { partners } : {}),
  };
}

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const chosen = await choosePartner(ctx, deps);
    if (!chosen.partnerId) return renderScreen(ctx, deps, 'feedback', FeedbackListPage, { ...chosen, rows: [] });
    const report = await deps.voice.reportPartnerFeedback(chosen.partnerId, ROWS);
    const titles = await findItemTitles(report.items.map((i) => i.itemId));
    await renderScreen(ctx, deps, 'feedback', FeedbackListPage, {
      ...chosen,
      totals: { useful: report.useful, notUseful: report.notUseful, usefulRate: report.usefulRate },
      rows: report.items.map((i) => ({ ...i, title: titles.get(i.itemId)?.title ?? i.itemId })),
    });
  };
}

function readability(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const chosen = await choosePartner(ctx, deps);
    const page = pageParam(ctx);
    const { total, items } = chosen.partnerId
      ? await listHardestToRead(chosen.partnerId, { page, limit: ROWS })
      : { total: 0, items: [] };
    await renderScreen(ctx, deps, 'feedback', ReadabilityPage, {
      ...chosen,
      rows: items,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / ROWS)),
    });
  };
}

function itemPage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const id = String(ctx.params.id);
    const owner = await findItemOwner(id);
    if (!owner) throw new NotFound(`le contenu ${id}`);
    assertOwnPartner(getViewer(ctx), owner.partnerId);
    const [report, titles] = await Promise.all([deps.voice.reportItemFeedback(id), findItemTitles([id])]);
    await renderScreen(ctx, deps, 'feedback', FeedbackItemPage, { ...report, title: titles.get(id)?.title ?? id });
  };
}

export function addFeedbackScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('feedback');
  addPage(
    group,
    '/console/avis',
    'Les avis des citoyens sur les pages d’un partenaire, les moins utiles d’abord',
    { partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' } },
    agent,
    may,
    list(deps),
  );
  addPage(
    group,
    '/console/lisibilite',
    'Les pages d’un partenaire les plus difficiles à lire d’abord (score de Kandel et Moles)',
    { partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' }, page: { description: 'Page' } },
    agent,
    may,
    readability(deps),
  );
  addPage(
    group,
    '/console/avis/:id',
    'Les avis sur une page : raisons et textes libres (jamais publics)',
    undefined,
    agent,
    may,
    itemPage(deps),
  );
}
