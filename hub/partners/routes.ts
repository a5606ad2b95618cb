/** Partner routes: the public directory and the admin CRUD. */
import type { Context } from 'koa';
import type { PartnerInput } from '../../schemas/index.js';
import { audited } from '../audit/index.js';
import { assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from '../auth/index.js';
import { conflict, notFound, readBody, RouteGroup } from '../http/index.js';
import { assertOfficeReadable, editPartner, snapshotPartner } from './operations.js';
import { createPartner, deletePartner, findPartner, listPartners, toPartner, toPublicPartner } from './partners.js';

const PUBLIC_PARTNER = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortName: { type: 'string' },
    kind: { type: 'string' },
    description: { type: 'string' },
    territory: { type: 'object' },
    website: { type: 'string' },
    logo: { type: 'string' },
    office: { $ref: 'Partner#/definitions/Office' },
  },
};
const ID_PARAM = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function paramId(ctx: Context): string {
  const id = String(ctx.params.id);
  if (!ID_PARAM.test(id)) throw notFound(`le partenaire ${id}`);
  return id;
}

/** GET /api/v1/partners and /api/v1/partners/:id — active partners, public fields only. */
export function publicPartnerRoutes(): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/partners',
        tag: 'partners',
        summary: 'Active partners (public fields)',
        query: {
          kind: { description: 'province, commune, state, government, public-body or other' },
          province: { description: 'sud, nord or iles' },
        },
        responses: {
          200: {
            description: 'Partners',
            schema: {
              type: 'object',
              properties: { total: { type: 'integer' }, partners: { type: 'array', items: PUBLIC_PARTNER } },
            },
          },
        },
      },
      async (ctx) => {
        const kind = typeof ctx.query.kind === 'string' ? ctx.query.kind : undefined;
        const province = typeof ctx.query.province === 'string' ? ctx.query.province : undefined;
        const partners = (
          await listPartners({ status: 'active', ...(kind ? { kind } : {}), ...(province ? { province } : {}) })
        ).map(toPublicPartner);
        ctx.set('Cache-Control', 'public, max-age=300');
        ctx.body = { total: partners.length, partners };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/partners/:id',
        tag: 'partners',
        summary: 'One active partner (public fields)',
        responses: {
          200: { description: 'Partner', schema: PUBLIC_PARTNER },
          404: { description: 'Unknown or inactive' },
        },
      },
      async (ctx) => {
        const doc = await findPartner(paramId(ctx));
        if (!doc || doc.status !== 'active') throw notFound(`le partenaire ${ctx.params.id}`);
        ctx.set('Cache-Control', 'public, max-age=300');
        ctx.body = toPublicPartner(doc);
      },
    );
}

/** /api/v1/admin/partners — CRUD; a partner admin sees only its partner, a moderator none (comments only). */
export interface PartnerRouteDeps {
  /** A partner was created, changed or deleted (search index, feeds). */
  onChanged: () => Promise<void>;
  /** How many sources, items and tokens still name this partner (a partner in use is not deleted). */
  countDependents: (partnerId: string) => Promise<number>;
}

export function adminPartnerRoutes(deps: PartnerRouteDeps): RouteGroup {
  const auth = 'bearer' as const;
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/partners',
        tag: 'admin',
        auth,
        summary: 'Create a partner (platform admin)',
        body: 'PartnerInput',
        responses: {
          201: { description: 'Created', schema: 'Partner' },
          400: { description: 'Invalid input' },
          409: { description: 'Id taken' },
        },
      },
      requireRole('platform-admin'),
      audited({ action: 'partner.create', target: 'partner', snapshot: snapshotPartner }),
      async (ctx) => {
        const input = readBody<PartnerInput>(ctx, 'PartnerInput');
        assertOfficeReadable(input);
        const partner = await createPartner(input);
        ctx.state.auditTargets = [partner.id];
        await deps.onChanged();
        ctx.status = 201;
        ctx.set('Location', `/api/v1/admin/partners/${partner.id}`);
        ctx.body = partner;
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/partners',
        tag: 'admin',
        auth,
        summary: 'All partners with private fields (own partner only for a partner admin; not for moderators)',
        responses: {
          200: {
            description: 'Partners',
            schema: {
              type: 'object',
              properties: { total: { type: 'integer' }, partners: { type: 'array', items: { $ref: 'Partner' } } },
            },
          },
        },
      },
      requireRole('platform-admin', 'partner-admin'),
      async (ctx) => {
        const only = scopedPartnerId(getPrincipal(ctx));
        const partners = (await listPartners(only ? { ids: [only] } : {})).map(toPartner);
        ctx.body = { total: partners.length, partners };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/partners/:id',
        tag: 'admin',
        auth,
        summary: 'One partner with private fields',
        responses: { 200: { description: 'Partner', schema: 'Partner' }, 404: { description: 'Unknown' } },
      },
      async (ctx) => {
        const id = paramId(ctx);
        assertPartnerAccess(getPrincipal(ctx), id);
        const doc = await findPartner(id);
        if (!doc) throw notFound(`le partenaire ${id}`);
        ctx.body = toPartner(doc);
      },
    )
    .add(
      {
        method: 'patch',
        path: '/api/v1/admin/partners/:id',
        tag: 'admin',
        auth,
        summary:
          'Update a partner (platform admin; a partner admin may edit its own, except kind, status and territory)',
        body: 'PartnerInput',
        responses: {
          200: { description: 'Updated', schema: 'Partner' },
          400: { description: 'Invalid input' },
          404: { description: 'Unknown' },
        },
      },
      audited({ action: 'partner.update', target: 'partner', snapshot: snapshotPartner }),
      async (ctx) => {
        const partner = await editPartner(getPrincipal(ctx), paramId(ctx), ctx.request.body);
        await deps.onChanged();
        ctx.body = partner;
      },
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/admin/partners/:id',
        tag: 'admin',
        auth,
        summary:
          'Delete a partner that has no sources, items or tokens (platform admin); otherwise set status inactive',
        responses: {
          204: { description: 'Deleted' },
          404: { description: 'Unknown' },
          409: { description: 'Partner still in use' },
        },
      },
      requireRole('platform-admin'),
      audited({ action: 'partner.delete', target: 'partner', snapshot: snapshotPartner }),
      async (ctx) => {
        const id = paramId(ctx);
        const dependents = await deps.countDependents(id);
        if (dependents > 0)
          throw conflict(
            'partner_in_use',
            `le partenaire ${id} a encore ${dependents} source(s), contenu(s) ou jeton(s) : passez-le en statut inactive`,
          );
        if (!(await deletePartner(id))) throw notFound(`le partenaire ${id}`);
        await deps.onChanged();
        ctx.status = 204;
      },
    );
}
