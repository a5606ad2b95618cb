/** /api/v1/admin/links — the links of a partner (or all) and « check now » (ARCHITECTURE.md). */
import { getPrincipal, requireRole, scopedPartnerId } from '../auth/index.js';
import { conflict, invalidInput, RouteGroup } from '../http/index.js';
import type { LinkHealth } from './link-health.js';
import { listLinks } from './links.js';
import { toLinkView } from './to-link.js';

const STATUSES = ['ok', 'broken', 'unchecked'] as const;
type Status = (typeof STATUSES)[number];
const auth = 'bearer' as const;

const LINK_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    status: { enum: [...STATUSES] },
    consecutiveFailures: { type: 'integer' },
    lastCheckedAt: { type: 'string', format: 'date-time' },
    lastOkAt: { type: 'string', format: 'date-time' },
    brokenSince: { type: 'string', format: 'date-time' },
    httpStatus: { type: 'integer' },
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    finalUrl: { type: 'string' },
    redirects: { type: 'array', items: { type: 'object' } },
    movedTo: { type: 'string', description: 'Adresse à utiliser : toutes les redirections étaient permanentes' },
    refs: { type: 'array', items: { type: 'object' } },
  },
};

/** The admin routes of link health. */
export function adminLinkRoutes(linkHealth: Pick<LinkHealth, 'checkNow'>): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/links',
        tag: 'admin',
        auth,
        summary: 'Liens sortants vérifiés (ceux de son partenaire pour les rôles de partenaire), cassés en premier',
        query: {
          partner: { description: 'Un partenaire (imposé pour les rôles de partenaire)' },
          status: { description: 'ok, broken ou unchecked' },
        },
        responses: {
          200: {
            description: 'Liens',
            schema: {
              type: 'object',
              properties: { total: { type: 'integer' }, links: { type: 'array', items: LINK_SCHEMA } },
            },
          },
          400: { description: 'État inconnu' },
        },
      },
      async (ctx) => {
        const only = scopedPartnerId(getPrincipal(ctx));
        const partner = only ?? (typeof ctx.query.partner === 'string' ? ctx.query.partner : undefined);
        const status = ctx.query.status;
        if (status !== undefined && !STATUSES.includes(status as Status))
          throw invalidInput([{ field: 'status', message: 'état attendu : ok, broken ou unchecked' }]);
        const docs = await listLinks({
          ...(partner ? { partnerId: partner } : {}),
          ...(status ? { status: status as Status } : {}),
        });
        ctx.body = { total: docs.length, links: docs.map((d) => toLinkView(d, partner)) };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/links/check',
        tag: 'admin',
        auth,
        summary: 'Vérifier tous les liens maintenant (administrateur de la plateforme) ; répond une fois fini',
        responses: {
          200: {
            description: 'Vérification faite',
            schema: { type: 'object', properties: { checked: { type: 'integer' }, broken: { type: 'integer' } } },
          },
          409: { description: 'Une vérification est déjà en cours (ici ou sur un autre hub)' },
        },
      },
      requireRole('platform-admin'),
      async (ctx) => {
        const report = await linkHealth.checkNow();
        if (!report) throw conflict('link_check_running', 'une vérification des liens est déjà en cours');
        ctx.body = {
          checked: report.checked,
          broken: report.broken,
          newlyBroken: report.newlyBroken.length,
          recovered: report.recovered,
          startedAt: report.startedAt.toISOString(),
          finishedAt: report.finishedAt.toISOString(),
        };
      },
    );
}
