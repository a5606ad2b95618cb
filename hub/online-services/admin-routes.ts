/** /api/v1/admin/services — editors write their partner's services; agents read exit counts. */
import type { Context } from 'koa';
import { validatePatch, type OnlineServiceInput, type Role } from '../../schemas/index.js';
import { assertPartnerAccess, getPrincipal, scopedPartnerId } from '../auth/index.js';
import { invalidInput, notFound, readBody, RouteGroup } from '../http/index.js';
import { countExits, toNoumeaDay } from './exits.js';
import { checkServiceUrl } from './service-url.js';
import type { ServiceDirectory } from './service-directory.js';
import {
  assertEditable,
  createService,
  deleteService,
  findService,
  listServices,
  toOnlineService,
  updateService,
} from './services.js';

export interface AdminServiceDeps {
  directory: ServiceDirectory;
  partnerExists: (id: string) => Promise<boolean>;
  /** Loopback or private hosts a service may still name (SOURCE_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

/** Who writes a partner's services besides platform admins. */
const WRITERS: Role[] = ['partner-admin', 'editor'];
const READERS: Role[] = ['partner-admin', 'editor', 'moderator'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const auth = 'bearer' as const;

async function loadService(ctx: Context, roles: Role[]) {
  const id = String(ctx.params.id);
  const doc = /^[0-9a-f]{16}$/.test(id) ? await findService(id) : undefined;
  if (!doc) throw notFound(`le service en ligne ${id}`);
  assertPartnerAccess(getPrincipal(ctx), doc.partnerId, roles);
  return doc;
}

function checkUrl(url: string | undefined, deps: AdminServiceDeps): void {
  const problem = url === undefined ? undefined : checkServiceUrl(url, deps.allowedHosts);
  if (problem) throw invalidInput([{ field: 'url', message: problem }]);
}

/** The admin routes of the registry. */
export function adminServiceRoutes(deps: AdminServiceDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/services',
        tag: 'admin',
        auth,
        summary: 'Services en ligne, retirés compris (ceux de son partenaire pour les rôles de partenaire)',
        query: { partner: { description: 'Un partenaire' }, status: { description: 'active ou withdrawn' } },
        responses: {
          200: {
            description: 'Services',
            schema: {
              type: 'object',
              properties: { total: { type: 'integer' }, services: { type: 'array', items: { $ref: 'OnlineService' } } },
            },
          },
        },
      },
      async (ctx) => {
        const only = scopedPartnerId(getPrincipal(ctx));
        const partner = only ?? (typeof ctx.query.partner === 'string' ? ctx.query.partner : undefined);
        const status = ctx.query.status === 'active' || ctx.query.status === 'withdrawn' ? ctx.query.status : undefined;
        const services = (
          await listServices({ ...(partner ? { partnerId: partner } : {}), ...(status ? { status } : {}) })
        ).map(toOnlineService);
        ctx.body = { total: services.length, services };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/services',
        tag: 'admin',
        auth,
        summary: 'Ajouter un service en ligne (administrateur de la plateforme, ou du partenaire)',
        body: 'OnlineServiceInput',
        responses: {
          201: { description: 'Créé', schema: 'OnlineService' },
          400: { description: 'Données invalides (adresse privée, mal formée ou non http(s) comprise)' },
          403: { description: 'Autre partenaire' },
        },
      },
      async (ctx) => {
        const input = readBody<OnlineServiceInput>(ctx, 'OnlineServiceInput');
        assertPartnerAccess(getPrincipal(ctx), input.partnerId, WRITERS);
        checkUrl(input.url, deps);
        if (!(await deps.partnerExists(input.partnerId)))
          throw invalidInput([{ field: 'partnerId', message: 'partenaire inconnu' }]);
        const doc = await createService(input);
        deps.directory.invalidate();
        ctx.status = 201;
        ctx.set('Location', `/api/v1/admin/services/${doc._id}`);
        ctx.body = toOnlineService(doc);
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/services/exits',
        tag: 'admin',
        auth,
        summary: 'Sorties vers les services par jour (heure de Nouméa), sans aucune donnée de visiteur',
        query: {
          from: { description: 'Premier jour (YYYY-MM-DD), défaut : il y a 29 jours' },
          to: { description: 'Dernier jour (YYYY-MM-DD), défaut : aujourd’hui' },
          partner: { description: 'Un partenaire (imposé pour les rôles de partenaire)' },
        },
        responses: { 200: { description: 'Comptes par service et par jour' }, 400: { description: 'Dates invalides' } },
      },
      async (ctx) => {
        const principal = getPrincipal(ctx);
        const only = scopedPartnerId(principal);
        if (only) assertPartnerAccess(principal, only, READERS);
        const partner = only ?? (typeof ctx.query.partner === 'string' ? ctx.query.partner : undefined);
        const { from, to } = readDays(ctx.query);
        const [counts, services] = await Promise.all([
          countExits(from, to),
          listServices(partner ? { partnerId: partner } : {}),
        ]);
        const rows = services
          .map((s) => {
            const days = [...(counts.get(s._id) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b));
            return {
              serviceId: s._id,
              name: s.name,
              partnerId: s.partnerId,
              total: days.reduce((n, [, c]) => n + c, 0),
              days: days.map(([day, count]) => ({ day, count })),
            };
          })
          .filter((r) => r.total > 0)
          .sort((a, b) => b.total - a.total);
        ctx.body = { from, to, total: rows.reduce((n, r) => n + r.total, 0), services: rows };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/services/:id',
        tag: 'admin',
        auth,
        summary: 'Un service en ligne (retiré compris)',
        responses: { 200: { description: 'Le service', schema: 'OnlineService' }, 404: { description: 'Inconnu' } },
      },
      async (ctx) => {
        ctx.body = toOnlineService(await loadService(ctx, READERS));
      },
    )
    .add(
      {
        method: 'patch',
        path: '/api/v1/admin/services/:id',
        tag: 'admin',
        auth,
        summary: "Modifier un service (ceux d'une source : seulement ce que la source ne dit pas)",
        body: 'OnlineServiceInput',
        responses: {
          200: { description: 'Modifié', schema: 'OnlineService' },
          400: { description: 'Données invalides' },
          404: { description: 'Inconnu' },
          409: { description: 'Champ tenu par la source du service' },
        },
      },
      async (ctx) => {
        const doc = await loadService(ctx, WRITERS);
        const errors = validatePatch('OnlineServiceInput', ctx.request.body, ['partnerId']);
        if (errors.length) throw invalidInput(errors);
        const patch = ctx.request.body as Partial<OnlineServiceInput>;
        checkUrl(patch.url, deps);
        assertEditable(doc, Object.keys(patch), 'modifier');
        const updated = await updateService(doc._id, patch);
        if (!updated) throw notFound(`le service en ligne ${doc._id}`);
        deps.directory.invalidate();
        ctx.body = toOnlineService(updated);
      },
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/admin/services/:id',
        tag: 'admin',
        auth,
        summary: "Supprimer un service écrit à la main (ceux d'une source suivent la source)",
        responses: {
          204: { description: 'Supprimé' },
          404: { description: 'Inconnu' },
          409: { description: 'Service tenu par une source' },
        },
      },
      async (ctx) => {
        const doc = await loadService(ctx, WRITERS);
        assertEditable(doc, [], 'supprimer');
        await deleteService(doc._id);
        deps.directory.invalidate();
        ctx.status = 204;
      },
    );
}

function readDays(query: Record<string, unknown>): { from: string; to: string } {
  const today = toNoumeaDay(new Date());
  const to = typeof query.to === 'string' ? query.to : today;
  const from = typeof query.from === 'string' ? query.from : toNoumeaDay(new Date(Date.now() - 29 * 86_400_000));
  const errors = [
    ...(DAY.test(from) ? [] : [{ field: 'from', message: 'jour attendu au format AAAA-MM-JJ' }]),
    ...(DAY.test(to) ? [] : [{ field: 'to', message: 'jour attendu au format AAAA-MM-JJ' }]),
  ];
  if (!errors.length && from > to) errors.push({ field: 'from', message: 'doit précéder to' });
  if (errors.length) throw invalidInput(errors);
  return { from, to };
}
