/** Opening a lab from the console: the lead is the agent's partner (a platform admin chooses). */
import type { Context, Middleware } from 'koa';
import { actorOf, createLab } from '../../hub/labs/index.js';
import { Forbidden } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { validateAgainst, type LabInput } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, fieldList, formBody, invalidFields } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, type Viewer } from '../http/viewer.js';
import { LabNewPage, type LabNewValues } from '../pages/lab-new-page.js';

const PATH = '/console/ateliers/nouveau';

function mayOpen(viewer: Viewer): void {
  if (viewer.role === 'moderator') throw new Forbidden('un atelier s’ouvre par un rédacteur ou un administrateur');
}

async function show(
  ctx: Context,
  deps: ConsoleDeps,
  values: LabNewValues,
  errors: Record<string, string> = {},
  status = 200,
) {
  const viewer = getViewer(ctx);
  const all = [...deps.catalog.partners.current().values()]
    .map((p) => ({ value: p.id, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const leadChoices = viewer.partnerId ? all.filter((p) => p.value === viewer.partnerId) : all;
  const partners = all.filter((p) => p.value !== (values.lead || viewer.partnerId));
  await renderScreen(ctx, deps, 'labs', LabNewPage, { partners, leadChoices, values, errors }, status);
}

/** Maps the schema's fields to the form's. */
const rename = (f: string) => (f === 'partnerIds' || f.startsWith('partnerIds/') ? 'others' : f);

function create(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    mayOpen(viewer);
    const body = formBody(ctx);
    const values: LabNewValues = {
      title: field(body, 'title'),
      lead: viewer.partnerId ?? field(body, 'lead'),
      others: fieldList(body, 'others'),
      dueDate: field(body, 'dueDate'),
    };
    const input: LabInput = {
      title: values.title,
      partnerIds: [values.lead, ...values.others.filter((p) => p !== values.lead)] as LabInput['partnerIds'],
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
    };
    const errors = errorMap(validateAgainst('LabInput', input), rename);
    if (input.partnerIds.length < 2) errors.others = 'choisissez au moins un autre partenaire concerné';
    if (Object.keys(errors).length) return show(ctx, deps, values, errors, 400);
    try {
      const lab = await createLab(input, actorOf(viewer.principal));
      await redirectWithFlash(ctx, `/console/ateliers/${lab._id}`, {
        kind: 'success',
        message: 'Atelier ouvert : écrivez la première révision.',
      });
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return show(ctx, deps, values, errorMap(fields, rename), 400);
    }
  };
}

export function addLabNewScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addPage(group, PATH, 'Ouvrir un atelier', undefined, agent, async (ctx) => {
    const viewer = getViewer(ctx);
    mayOpen(viewer);
    await show(ctx, deps, { title: '', lead: viewer.partnerId ?? '', others: [], dueDate: '' });
  });
  addAction(group, PATH, 'Ouvrir un atelier', agent, create(deps));
}
