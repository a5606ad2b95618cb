/**
 * Recherches sans réponse: the week's searches that found nothing, most frequent first, and
 * « En faire un souhait à étudier » — a published wish, under study for the agent's partner
 * (a platform admin's stays « Nouveau » until assigned; the message says which).
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { formatDate } from '../../hub/locale/index.js';
import { isoWeek, weekStart } from '../../hub/voice/index.js';
import { can } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { field, formBody, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability } from '../http/viewer.js';
import { SEARCH_MISSES_PATH, SearchMissesPage } from '../pages/search-misses-page.js';

const WEEK = 7 * 86_400_000;
const ROWS = 100;

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const asked = queryParam(ctx, 'semaine');
    const current = isoWeek(new Date());
    const week = weekStart(asked) && asked <= current ? asked : current;
    const start = weekStart(week) ?? new Date();
    const queries = await deps.voice.unansweredSearches(week, ROWS);
    const nextWeek = isoWeek(new Date(start.getTime() + WEEK));
    await renderScreen(ctx, deps, 'feedback', SearchMissesPage, {
      week,
      weekLabel: `du ${formatDate(start)} au ${formatDate(new Date(start.getTime() + 6 * 86_400_000))}`,
      previousWeek: isoWeek(new Date(start.getTime() - WEEK)),
      ...(week < current ? { nextWeek } : {}),
      queries,
      makesWishes: can(getViewer(ctx).role, 'wishes'),
    });
  };
}

function makeWish(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const query = field(body, 'query');
    const week = field(body, 'week');
    // The count is read again, not taken from the form.
    const found = weekStart(week)
      ? (await deps.voice.unansweredSearches(week, 500)).find((q) => q.query === query)
      : undefined;
    if (!found)
      return redirectWithFlash(ctx, SEARCH_MISSES_PATH, {
        kind: 'alert',
        message: 'Cette recherche n’est pas dans la liste de la semaine : rien n’a été créé.',
      });
    const viewer = getViewer(ctx);
    const wish = await deps.voice.wishFromSearch(found, viewer.principal);
    ctx.state.auditTargets = [wish.id];
    await redirectWithFlash(ctx, `/console/souhaits/${wish.id}`, {
      kind: 'success',
      message:
        wish.status === 'a-l-etude'
          ? `Souhait créé pour « ${query} » et mis à l’étude par votre partenaire.`
          : `Souhait créé pour « ${query} », au statut « Nouveau » : confiez-le à un partenaire pour le mettre à l’étude.`,
    });
  };
}

export function addSearchMissScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addPage(
    group,
    SEARCH_MISSES_PATH,
    'Les recherches sans résultat de la semaine, les plus fréquentes d’abord',
    { semaine: { description: 'Semaine ISO, par exemple 2026-W49 (défaut : la semaine en cours)' } },
    agent,
    requireCapability('feedback'),
    list(deps),
  );
  addAction(
    group,
    `${SEARCH_MISSES_PATH}/souhait`,
    'Faire d’une recherche sans réponse un souhait à étudier',
    agent,
    requireCapability('feedback'),
    requireCapability('wishes'),
    audited({
      action: 'wish.from-search',
      target: 'wish',
      snapshot: (id) => deps.voice.snapshotWish(id),
      ids: () => [],
    }),
    makeWish(deps),
  );
}
