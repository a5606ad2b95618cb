/** /api/v1/admin/services — editors write their partner's services; agents read exit counts. */
import type { Context } from 'koa';
import type { OnlineServiceInput } from '../../schemas/index.js';
import { getPrincipal, scopedPartnerId } from '../auth/index.js';
import { readBody, RouteGroup } from '../http/index.js';
import {
  addService,
  editService,
  loadServiceFor,
  reportExits,
  SERVICE_READERS,
  SERVICE_WRITERS,
} from './operations.js';
import type { ServiceDirectory } from './service-directory.js';
import { assertEditable, deleteService, listServices, toOnlineService } from './services.js';

export interface AdminServiceDeps {
  directory: ServiceDirectory;
  partnerExists: (id: string) => Promise<boolean>;
  /** Loopback or private hosts a service may still name (SOURCE_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

const auth = 'bearer' as const;

function loadService(ctx: Context, roles = SERVICE_READERS) {
  return loadServiceFor(getPrincipal(ctx), String(ctx.params.id), roles);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

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
        const doc = await addService(getPrincipal(ctx), input, deps);
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
        ctx.body = await reportExits(getPrincipal(ctx), {
          from: text(ctx.query.from),
          to: text(ctx.query.to),
          partner: text(ctx.query.partner),
        });
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
        ctx.body = toOnlineService(await loadService(ctx));
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
        const updated = await editService(getPrincipal(ctx), String(ctx.params.id), ctx.request.body, deps);
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
        const doc = await loadService(ctx, SERVICE_WRITERS);
        assertEditable(doc, [], 'supprimer');
        await deleteService(doc._id);
        deps.directory.invalidate();
        ctx.status = 204;
      },
    );
}
