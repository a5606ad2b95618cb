/**
 * The lab's editor and its diffs. A save names the revision it started from; a stale one
 * comes back with status 409, the agent's text, the newer revision and the word diff between
 * them, the form now starting from the newer revision.
 */
import type { Context, Middleware } from 'koa';
import {
  actorOf,
  diffRevisions,
  findLastApprovedRevision,
  listApprovals,
  listRevisions,
  loadRevision,
  saveRevision,
  type LabDeps,
} from '../../hub/labs/index.js';
import { DomainError, Forbidden, InvalidInput } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import type { ConsoleDeps } from '../deps.js';
import { field, formBody } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { LabDiffPage } from '../pages/lab-diff-page.js';
import { LabEditorPage } from '../pages/lab-editor-page.js';
import { listNames } from '../components/lab-labels.js';
import { loadLabScreen } from './lab-context.js';

const PATH = '/console/ateliers/:id';

function showEditor(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const { lab } = await loadLabScreen(ctx, deps);
    if (!lab.permissions.edit)
      throw new Forbidden('seuls les partenaires concernés et les membres acceptés modifient ce document');
    await renderScreen(ctx, deps, 'labs', LabEditorPage, { lab, body: lab.body, baseRevision: lab.revision, note: '' });
  };
}

function save(deps: ConsoleDeps, labDeps: LabDeps) {
  return async (ctx: Context) => {
    const { doc, lab, viewer, partnerName } = await loadLabScreen(ctx, deps);
    if (!lab.permissions.edit)
      throw new Forbidden('seuls les partenaires concernés et les membres acceptés modifient ce document');
    const form = formBody(ctx);
    const body = field(form, 'body');
    const note = field(form, 'note');
    const baseRevision = Number(field(form, 'baseRevision'));
    if (!Number.isInteger(baseRevision) || baseRevision < 0)
      throw new InvalidInput([{ field: 'baseRevision', message: 'révision de départ invalide' }]);
    const by = actorOf(viewer.principal);
    try {
      const { revision, unchanged } = await saveRevision(doc, { body, baseRevision, ...(note ? { note } : {}) }, by);
      const voided = unchanged ? [] : await listApprovals(doc, revision.number - 1);
      if (voided.length)
        await labDeps.onEvent?.({
          type: 'approvals-voided',
          lab: doc,
          revision: revision.number,
          partnerIds: voided.map((a) => a.partnerId),
          by,
        });
      const voidedNames = listNames(voided.map((a) => partnerName(a.partnerId)));
      const message = unchanged
        ? 'Aucun changement : rien n’a été enregistré.'
        : `Révision ${revision.number} enregistrée.${voided.length ? ` Elle annule l’approbation de ${voidedNames} : une nouvelle approbation est nécessaire.` : ''}`;
      await redirectWithFlash(ctx, `/console/ateliers/${doc._id}`, { kind: 'success', message });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'revision_conflict') throw err;
      const extra = err.options.extra as {
        theirs: string;
        latestRevision: number;
        theirsAuthor: { name: string };
        theirsAt: string;
      };
      const conflict = {
        theirs: extra.theirs,
        theirsRevision: extra.latestRevision,
        theirsAuthor: extra.theirsAuthor.name,
        theirsAt: extra.theirsAt,
        yoursBase: baseRevision,
        diff: diffRevisions(extra.theirs, body),
      };
      await renderScreen(
        ctx,
        deps,
        'labs',
        LabEditorPage,
        { lab, body, note, baseRevision: extra.latestRevision, conflict },
        409,
      );
    }
  };
}

function showDiff(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const { doc, lab } = await loadLabScreen(ctx, deps);
    const numbers = (await listRevisions(doc._id)).map((r) => r.number);
    const pick = (name: string, fallback: number) => {
      const n = Number(ctx.query[name] ?? fallback);
      if (!numbers.includes(n)) throw new InvalidInput([{ field: name, message: 'révision inconnue' }]);
      return n;
    };
    const to = pick('a', lab.revision);
    const from = pick('de', Math.max(1, to - 1));
    const [before, after] = await Promise.all([loadRevision(doc._id, from), loadRevision(doc._id, to)]);
    const lastApproved = await findLastApprovedRevision(doc);
    await renderScreen(ctx, deps, 'labs', LabDiffPage, {
      lab,
      from,
      to,
      diff: diffRevisions(before.body, after.body),
      revisions: numbers,
      ...(lastApproved !== undefined ? { lastApproved } : {}),
    });
  };
}

export function addLabEditorScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware, labDeps: LabDeps): void {
  addPage(group, `${PATH}/modifier`, 'Modifier le document de l’atelier', undefined, agent, showEditor(deps));
  addAction(
    group,
    `${PATH}/modifier`,
    'Enregistrer une révision (409 : les deux textes à fusionner)',
    agent,
    save(deps, labDeps),
  );
  addPage(
    group,
    `${PATH}/differences`,
    'Différences mot à mot entre deux révisions',
    { de: { description: 'Révision de départ' }, a: { description: 'Révision d’arrivée' } },
    agent,
    showDiff(deps),
  );
}
