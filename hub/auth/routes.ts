/** /api/v1/admin/tokens — platform admins manage every token, partner admins their partner's. */
import type { Context } from 'koa';
import type { TokenInput } from '../../schemas/index.js';
import { forbidden, invalidInput, notFound, readBody, RouteGroup } from '../http/index.js';
import { assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from './guard.js';
import { createToken, deleteToken, findToken, listTokens } from './tokens.js';

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

async function checkTokenInput(ctx: Context, input: TokenInput, deps: TokenRouteDeps): Promise<void> {
  const principal = getPrincipal(ctx);
  if (input.role === 'platform-admin') {
    if (principal.role !== 'platform-admin') throw forbidden('seul un administrateur de la plateforme crée ce rôle');
    if (input.partnerId)
      throw invalidInput([{ field: 'partnerId', message: "ne s'applique pas au rôle platform-admin" }]);
    return;
  }
  if (!input.partnerId) throw invalidInput([{ field: 'partnerId', message: `requis pour le rôle ${input.role}` }]);
  assertPartnerAccess(principal, input.partnerId, ['partner-admin']);
  if (!(await deps.partnerExists(input.partnerId)))
    throw invalidInput([{ field: 'partnerId', message: 'partenaire inconnu' }]);
}

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
      async (ctx) => {
        const input = readBody<TokenInput>(ctx, 'TokenInput');
        await checkTokenInput(ctx, input, deps);
        const { token, view } = await createToken(input, getPrincipal(ctx).tokenId);
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
        ctx.body = { tokens: await listTokens(scopedPartnerId(getPrincipal(ctx))) };
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
      async (ctx) => {
        const id = String(ctx.params.id);
        const token = await findToken(id);
        if (!token) throw notFound(`le jeton ${id}`);
        const principal = getPrincipal(ctx);
        if (principal.role !== 'platform-admin' && token.partnerId !== principal.partnerId) throw forbidden();
        await deleteToken(id);
        ctx.status = 204;
      },
    );
}
