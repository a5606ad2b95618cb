/** /api/v1/admin/tokens — platform admins manage every token, partner admins their partner's. */
import type { TokenInput } from '../../schemas/index.js';
import { audited, listAudit } from '../audit/index.js';
import { invalidInput, readBody, RouteGroup } from '../http/index.js';
import { assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from './guard.js';
import { issueToken, listVisibleTokens, revokeToken, snapshotToken } from './token-admin.js';

const TOKEN_VIEW = {
  type: 'object',
  required: ['id', 'name', 'role', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    partnerId: { type: 'string' },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    lastUsedAt: { type: 'string' },
  },
};

/** What the token routes need from the rest of the hub. */
export interface TokenRouteDeps {
  /** True when a partner with this id exists (a token is tied to an existing partner). */
  partnerExists: (partnerId: string) => Promise<boolean>;
}

/** Token administration and `GET /api/v1/admin/me`. */
export function adminTokenRoutes(deps: TokenRouteDeps): RouteGroup {
  const auth = 'bearer' as const;
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/me',
        tag: 'admin',
        auth,
        summary: 'Who the presented token is',
        responses: {
          200: {
            description: 'Principal',
            schema: {
              type: 'object',
              properties: {
                tokenId: { type: 'string' },
                name: { type: 'string' },
                role: { type: 'string' },
                partnerId: { type: 'string' },
              },
            },
          },
        },
      },
      (ctx) => {
        ctx.body = getPrincipal(ctx);
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/tokens',
        tag: 'admin',
        auth,
        summary: 'Create a token; the secret is returned once',
        body: 'TokenInput',
        responses: {
          201: {
            description: 'Created',
            schema: { type: 'object', properties: { token: { type: 'string' }, ...TOKEN_VIEW.properties } },
          },
          400: { description: 'Invalid input' },
          403: { description: 'Role or partner not allowed' },
        },
      },
      requireRole('platform-admin', 'partner-admin'),
      audited({ action: 'token.create', target: 'token', snapshot: snapshotToken }),
      async (ctx) => {
        const input = readBody<TokenInput>(ctx, 'TokenInput');
        const { token, view } = await issueToken(getPrincipal(ctx), input, deps.partnerExists);
        ctx.state.auditTargets = [view.id];
        ctx.status = 201;
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { ...view, token };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/tokens',
        tag: 'admin',
        auth,
        summary: 'List tokens (without secrets)',
        responses: {
          200: {
            description: 'Tokens',
            schema: { type: 'object', properties: { tokens: { type: 'array', items: TOKEN_VIEW } } },
          },
        },
      },
      requireRole('platform-admin', 'partner-admin'),
      async (ctx) => {
        ctx.body = { tokens: await listVisibleTokens(getPrincipal(ctx)) };
      },
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/admin/tokens/:id',
        tag: 'admin',
        auth,
        summary: 'Revoke a token',
        responses: { 204: { description: 'Revoked' }, 404: { description: 'Unknown' } },
      },
      requireRole('platform-admin', 'partner-admin'),
      audited({ action: 'token.revoke', target: 'token', snapshot: snapshotToken }),
      async (ctx) => {
        await revokeToken(getPrincipal(ctx), String(ctx.params.id));
        ctx.status = 204;
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/audit-log',
        tag: 'admin',
        auth,
        summary: 'Every change made in the console or the admin API: who, when, what, before/after (newest first)',
        query: {
          partner: { description: 'Only this partner (platform admins; partner admins always see their own)' },
          page: { description: 'From 1' },
          limit: { description: '1 to 100 (default 50)' },
        },
        responses: {
          200: {
            description: 'Entries',
            schema: {
              type: 'object',
              properties: { total: { type: 'integer' }, entries: { type: 'array', items: { type: 'object' } } },
            },
          },
          403: { description: 'Not an admin, or another partner' },
        },
      },
      requireRole('platform-admin', 'partner-admin'),
      async (ctx) => {
        const principal = getPrincipal(ctx);
        const asked = typeof ctx.query.partner === 'string' ? ctx.query.partner : undefined;
        if (asked) assertPartnerAccess(principal, asked, ['partner-admin']);
        const page = Number(ctx.query.page ?? 1);
        const limit = Number(ctx.query.limit ?? 50);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1 || limit > 100)
          throw invalidInput([{ field: 'page', message: 'page à partir de 1, limit de 1 à 100' }]);
        const partnerId = asked ?? scopedPartnerId(principal);
        ctx.body = { ...(await listAudit({ ...(partnerId ? { partnerId } : {}), page, limit })), page, limit };
      },
    );
}
