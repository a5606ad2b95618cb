/**
 * Synonymes de la recherche (issue 15): the shipped thesaurus with its provenance and the
 * platform admins' additions; add, switch off or delete, restore a shipped entry. Each change
 * takes effect at the next query, without reindexing (the catalog's synonym runtime reloads).
 */
import type { Context, Middleware } from 'koa';
import { createSynonym, deleteSynonym, listSynonyms, restoreSynonym } from '../../hub/catalog/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { validateAgainst, type SynonymInput } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { field, formBody, pageParam, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability } from '../http/viewer.js';
import { SynonymsPage } from '../pages/synonyms-page.js';

const PATH = '/console/recherche/synonymes';
const PAGE_SIZE = 50;

async function show(
  ctx: Context,
  deps: ConsoleDeps,
  form?: { terms: string; oneWay: boolean; error: string },
  status = 200,
) {
  const q = queryParam(ctx, 'q').toLowerCase();
  const all = (await listSynonyms()).filter((e) => !q || e.terms.some((t) => t.toLowerCase().includes(q)));
  const page = pageParam(ctx);
  const entries = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  await renderScreen(
    ctx,
    deps,
    'synonyms',
    SynonymsPage,
    { entries, total: all.length, q, page, pageCount, ...(form ? { form } : {}) },
    status,
  );
}

function add(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const terms = field(body, 'terms');
    const oneWay = field(body, 'oneWay') === 'oui';
    const input = {
      terms: terms
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      oneWay,
    } as SynonymInput;
    const refused = validateAgainst('SynonymInput', input);
    if (refused.length || input.terms.length < 2)
      return show(ctx, deps, { terms, oneWay, error: 'Saisissez au moins deux termes, séparés par des virgules' }, 400);
    await createSynonym(input, getViewer(ctx).principal.tokenId);
    await deps.catalog.synonyms.reload();
    await redirectWithFlash(ctx, PATH, { kind: 'success', message: `Synonymes ajoutés : ${input.terms.join(', ')}.` });
  };
}

function change(deps: ConsoleDeps, restore: boolean) {
  return async (ctx: Context) => {
    const id = String(ctx.params.id);
    const done = restore ? await restoreSynonym(id) : await deleteSynonym(id, getViewer(ctx).principal.tokenId);
    if (!done) throw new NotFound('cette entrée');
    await deps.catalog.synonyms.reload();
    await redirectWithFlash(ctx, PATH, {
      kind: 'success',
      message: restore ? 'Entrée rétablie telle que livrée.' : 'Entrée retirée de la recherche.',
    });
  };
}

export function addSynonymScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('search');
  addPage(
    group,
    PATH,
    'Les synonymes de la recherche',
    { q: { description: 'Filtrer par terme' }, page: { description: 'Page' } },
    agent,
    may,
    (ctx) => show(ctx, deps),
  );
  addAction(group, PATH, 'Ajouter des synonymes', agent, may, add(deps));
  addAction(
    group,
    `${PATH}/:id/retirer`,
    'Supprimer une entrée ajoutée ou désactiver une entrée livrée',
    agent,
    may,
    change(deps, false),
  );
  addAction(group, `${PATH}/:id/retablir`, 'Rétablir une entrée livrée', agent, may, change(deps, true));
}
