/**
 * Démarches en ligne (issue 14): a partner's editors list, add, change, withdraw and put back
 * its online services, and see how many citizens left the portal for each, day by day. The
 * rules (partner scope, public address, what a fiche or a source keeps) are the hub's
 * operations, the same as the admin API's.
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  addService,
  editService,
  listServices,
  loadServiceFor,
  reportExits,
  snapshotService,
  toOnlineService,
  type ServiceDoc,
} from '../../hub/online-services/index.js';
import { findPartner } from '../../hub/partners/index.js';
import type { OnlineServiceInput } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, formBody, invalidFields, lines, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import { ServiceFormPage, type ServiceFormValues } from '../pages/service-form-page.js';
import { SERVICES_PATH, ServicesPage } from '../pages/services-page.js';

/** What a fiche's service lets an editor change; a source's service takes nothing. */
const FICHE_LOCKED = ['name', 'url'] as const;

function partnerChoices(deps: ConsoleDeps) {
  return [...deps.catalog.partners.current().values()]
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire'));
    const [docs, exits] = await Promise.all([
      listServices(partnerId ? { partnerId } : {}),
      reportExits(viewer.principal, { partner: partnerId }),
    ]);
    const partnerName = partnerId ? deps.catalog.partners.current().get(partnerId)?.name : undefined;
    await renderScreen(ctx, deps, 'services', ServicesPage, {
      services: docs.map(toOnlineService),
      exits,
      ...(partnerId ? { partnerId } : {}),
      ...(partnerName ? { partnerName } : {}),
    });
  };
}

function valuesOf(doc: ServiceDoc): ServiceFormValues {
  return {
    partnerId: doc.partnerId,
    name: doc.name,
    url: doc.url,
    description: doc.description ?? '',
    keywords: doc.keywords.join('\n'),
    cost: doc.cost ?? '',
    duration: doc.duration ?? '',
    accountRequired: doc.accountRequired ?? false,
  };
}

function readForm(ctx: Context): ServiceFormValues {
  const body = formBody(ctx);
  return {
    partnerId: field(body, 'partnerId'),
    name: field(body, 'name'),
    url: field(body, 'url'),
    description: field(body, 'description'),
    keywords: typeof body.keywords === 'string' ? body.keywords : '',
    cost: field(body, 'cost'),
    duration: field(body, 'duration'),
    accountRequired: field(body, 'accountRequired') === 'oui',
  };
}

/** The form as the registry's input; empty optional fields are left out (a change clears nothing it does not show). */
function toInput(values: ServiceFormValues, locked: readonly string[]): Partial<OnlineServiceInput> {
  const input: Partial<OnlineServiceInput> = {
    keywords: lines(values.keywords),
    accountRequired: values.accountRequired,
    ...(values.description ? { description: values.description } : {}),
    ...(values.cost ? { cost: values.cost } : {}),
    ...(values.duration ? { duration: values.duration } : {}),
  };
  if (!locked.includes('name')) input.name = values.name;
  if (!locked.includes('url')) input.url = values.url;
  return input;
}

const REQUIRED: Record<string, string> = {
  name: 'Saisissez le nom de la démarche',
  url: 'Saisissez l’adresse de la démarche',
  partnerId: 'Choisissez un partenaire',
};

function missing(values: ServiceFormValues, locked: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(REQUIRED))
    if (!locked.includes(name) && values[name as keyof ServiceFormValues] === '') errors[name] = message;
  return errors;
}

/** Schema paths to the form's fields (keywords/3 → keywords). */
const renameField = (path: string) => path.split(/[./]/)[0] ?? path;

function showNew(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire')) ?? '';
    const values = { ...valuesOf(blank(partnerId)) };
    await renderScreen(ctx, deps, 'services', ServiceFormPage, {
      values,
      ...(viewer.partnerId ? {} : { partners: partnerChoices(deps) }),
    });
  };
}

function blank(partnerId: string): ServiceDoc {
  return { partnerId, name: '', url: '', keywords: [] } as unknown as ServiceDoc;
}

function create(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const values = readForm(ctx);
    if (viewer.partnerId) values.partnerId = viewer.partnerId;
    const again = (errors: Record<string, string>) =>
      renderScreen(
        ctx,
        deps,
        'services',
        ServiceFormPage,
        { values, errors, ...(viewer.partnerId ? {} : { partners: partnerChoices(deps) }) },
        400,
      );
    const empty = missing(values, []);
    if (Object.keys(empty).length) return again(empty);
    try {
      const doc = await addService(
        viewer.principal,
        { partnerId: values.partnerId, ...toInput(values, []) },
        { allowedHosts: deps.config.sourceAllowedHosts, partnerExists: async (id) => !!(await findPartner(id)) },
      );
      ctx.state.auditTargets = [doc._id];
      deps.servicesChanged();
      await redirectWithFlash(ctx, `${SERVICES_PATH}?partenaire=${doc.partnerId}`, {
        kind: 'success',
        message: `La démarche « ${doc.name} » est en ligne.`,
      });
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return again(errorMap(fields, renameField));
    }
  };
}

function lockedOf(doc: ServiceDoc): readonly string[] {
  return doc.origin.kind === 'fiche' ? FICHE_LOCKED : [];
}

function showOne(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const doc = await loadServiceFor(getViewer(ctx).principal, String(ctx.params.id), ['partner-admin', 'editor']);
    await renderScreen(ctx, deps, 'services', ServiceFormPage, {
      values: valuesOf(doc),
      serviceId: doc._id,
      locked: lockedOf(doc),
    });
  };
}

function save(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const doc = await loadServiceFor(viewer.principal, String(ctx.params.id), ['partner-admin', 'editor']);
    const locked = lockedOf(doc);
    const values = { ...readForm(ctx), partnerId: doc.partnerId };
    const again = (errors: Record<string, string>) =>
      renderScreen(ctx, deps, 'services', ServiceFormPage, { values, errors, serviceId: doc._id, locked }, 400);
    const empty = missing(values, [...locked, 'partnerId']);
    if (Object.keys(empty).length) return again(empty);
    try {
      await editService(viewer.principal, doc._id, toInput(values, locked), {
        allowedHosts: deps.config.sourceAllowedHosts,
      });
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return again(errorMap(fields, renameField));
    }
    deps.servicesChanged();
    await redirectWithFlash(ctx, `${SERVICES_PATH}?partenaire=${doc.partnerId}`, {
      kind: 'success',
      message: `La démarche « ${values.name || doc.name} » est enregistrée.`,
    });
  };
}

function setStatus(deps: ConsoleDeps, status: 'active' | 'withdrawn') {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const doc = await editService(
      viewer.principal,
      String(ctx.params.id),
      { status },
      {
        allowedHosts: deps.config.sourceAllowedHosts,
      },
    );
    deps.servicesChanged();
    await redirectWithFlash(ctx, `${SERVICES_PATH}?partenaire=${doc.partnerId}`, {
      kind: 'success',
      message:
        status === 'withdrawn'
          ? `La démarche « ${doc.name} » est retirée : le portail ne la propose plus.`
          : `La démarche « ${doc.name} » est de nouveau en ligne.`,
    });
  };
}

const journal = (action: string) => audited({ action, target: 'service', snapshot: snapshotService });

export function addServiceScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('services');
  const partenaire = { partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' } };
  addPage(group, SERVICES_PATH, 'Démarches en ligne et leurs sorties', partenaire, agent, may, list(deps));
  addPage(group, `${SERVICES_PATH}/nouvelle`, 'Ajouter une démarche en ligne', partenaire, agent, may, showNew(deps));
  addAction(group, SERVICES_PATH, 'Ajouter une démarche en ligne', agent, may, journal('service.create'), create(deps));
  addPage(group, `${SERVICES_PATH}/:id`, 'Une démarche en ligne', undefined, agent, may, showOne(deps));
  addAction(group, `${SERVICES_PATH}/:id`, 'Modifier une démarche', agent, may, journal('service.update'), save(deps));
  addAction(
    group,
    `${SERVICES_PATH}/:id/retirer`,
    'Retirer une démarche du portail',
    agent,
    may,
    journal('service.update'),
    setStatus(deps, 'withdrawn'),
  );
  addAction(
    group,
    `${SERVICES_PATH}/:id/remettre`,
    'Remettre une démarche en ligne',
    agent,
    may,
    journal('service.update'),
    setStatus(deps, 'active'),
  );
}
