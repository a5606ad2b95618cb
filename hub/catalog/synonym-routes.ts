/**
 * /api/v1/admin/search/synonyms — platform admins read, add, change and switch off the
 * synonyms search expands queries with. A change is in use for the next query of this
 * process and reaches the other hub processes within their poll (5 s); no re-index.
 */
import type { Context } from 'koa';
import type { SynonymInput } from '../../schemas/index.js';
import { getPrincipal, requireRole } from '../auth/index.js';
import { notFound, readBody, RouteGroup } from '../http/index.js';
import type { SynonymRuntime } from './synonym-runtime.js';
import { createSynonym, deleteSynonym, listSynonyms, restoreSynonym, updateSynonym } from './synonym-store.js';

const PATH = '/api/v1/admin/search/synonyms';

const ENTRY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    terms: { type: 'array', items: { type: 'string' } },
    oneWay: { type: 'boolean' },
    origin: { enum: ['shipped', 'admin'] },
    enabled: { type: 'boolean' },
    source: { type: 'string', description: 'Provenance' },
    modified: { type: 'boolean', description: 'Entrée livrée modifiée par un administrateur' },
    updatedAt: { type: 'string' },
  },
};

async function findEntry(id: string) {
  const entry = (await listSynonyms()).find((e) => e.id === id);
  if (!entry) throw notFound(`le synonyme ${id}`);
  return entry;
}

/** Synonym administration (platform admins). */
export function adminSynonymRoutes(runtime: SynonymRuntime): RouteGroup {
  const auth = 'bearer' as const;
  const platform = requireRole('platform-admin');
  const changed = async (ctx: Context, id: string, status: number) => {
    await runtime.reload();
    ctx.status = status;
    if (status !== 204) ctx.body = await findEntry(id);
  };
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: PATH,
        tag: 'admin',
        auth,
        summary: 'Synonymes de la recherche : liste livrée (avec sa provenance) et ajouts des administrateurs',
        responses: {
          200: {
            description: 'Entrées',
            schema: {
              type: 'object',
              properties: { version: { type: 'string' }, entries: { type: 'array', items: ENTRY } },
            },
          },
          403: { description: 'Réservé aux administrateurs de la plateforme' },
        },
      },
      platform,
      async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { version: runtime.version(), entries: await listSynonyms() };
      },
    )
    .add(
      {
        method: 'post',
        path: PATH,
        tag: 'admin',
        auth,
        summary: 'Ajouter des synonymes (effet à la requête suivante, sans réindexation)',
        body: 'SynonymInput',
        responses: { 201: { description: 'Créée', schema: ENTRY }, 400: { description: 'Entrée invalide' } },
      },
      platform,
      async (ctx) => {
        const input = readBody<SynonymInput>(ctx, 'SynonymInput');
        await changed(ctx, await createSynonym(input, getPrincipal(ctx).tokenId), 201);
      },
    )
    .add(
      {
        method: 'put',
        path: `${PATH}/:id`,
        tag: 'admin',
        auth,
        summary: 'Remplacer une entrée (une entrée livrée est alors modifiée)',
        body: 'SynonymInput',
        responses: { 200: { description: 'Remplacée', schema: ENTRY }, 404: { description: 'Inconnue' } },
      },
      platform,
      async (ctx) => {
        const id = String(ctx.params.id);
        const input = readBody<SynonymInput>(ctx, 'SynonymInput');
        if (!(await updateSynonym(id, input, getPrincipal(ctx).tokenId))) throw notFound(`le synonyme ${id}`);
        await changed(ctx, id, 200);
      },
    )
    .add(
      {
        method: 'delete',
        path: `${PATH}/:id`,
        tag: 'admin',
        auth,
        summary: 'Supprimer une entrée ajoutée, ou désactiver une entrée livrée',
        responses: { 204: { description: 'Supprimée ou désactivée' }, 404: { description: 'Inconnue' } },
      },
      platform,
      async (ctx) => {
        const id = String(ctx.params.id);
        if (!(await deleteSynonym(id, getPrincipal(ctx).tokenId))) throw notFound(`le synonyme ${id}`);
        await changed(ctx, id, 204);
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/restore`,
        tag: 'admin',
        auth,
        summary: 'Rétablir une entrée livrée telle que livrée',
        responses: { 200: { description: 'Rétablie', schema: ENTRY }, 404: { description: 'Pas une entrée livrée' } },
      },
      platform,
      async (ctx) => {
        const id = String(ctx.params.id);
        if (!(await restoreSynonym(id))) throw notFound(`l'entrée livrée ${id}`);
        await changed(ctx, id, 200);
      },
    );
}
