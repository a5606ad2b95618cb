/** The registry's public routes: the list, one service, and the counted way out. */
import type { Context } from 'koa';
import { invalidInput, notFound, RouteGroup } from '../http/index.js';
import type { FieldError } from '../../schemas/index.js';
import { getCommuneProvince, truncateQuery } from '../search/index.js';
import { recordExit } from './exits.js';
import { findService, toOnlineService } from './services.js';
import type { ServiceDirectory, ServiceFilter } from './service-directory.js';

const ID = /^[0-9a-f]{16}$/;
const LIST = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** Reads the list's query; a French 400 names the fields at fault. */
export function readServiceQuery(query: Record<string, unknown>): {
  q: string;
  filter: ServiceFilter;
  page: number;
  limit: number;
} {
  const errors: FieldError[] = [];
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(page) || page < 1 || page > 1000)
    errors.push({ field: 'page', message: 'doit être un entier de 1 à 1000' });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    errors.push({ field: 'limit', message: 'doit être un entier de 1 à 100' });
  const commune = typeof query.commune === 'string' ? query.commune : undefined;
  if (commune !== undefined && !getCommuneProvince(commune))
    errors.push({ field: 'commune', message: 'code INSEE de commune calédonienne (988xx)' });
  const audience = LIST(query.audience);
  if (audience.some((a) => !['particuliers', 'professionnels', 'associations'].includes(a)))
    errors.push({
      field: 'audience',
      message: "doit être l'une des valeurs : particuliers, professionnels, associations",
    });
  if (errors.length) throw invalidInput(errors);
  const filter: ServiceFilter = {
    ...(LIST(query.partner).length ? { partnerIds: LIST(query.partner) } : {}),
    ...(LIST(query.topic).length ? { topics: LIST(query.topic) } : {}),
    ...(audience.length ? { audience } : {}),
    ...(typeof query.item === 'string' && query.item ? { itemId: query.item } : {}),
    ...(commune ? { commune: { code: commune, province: getCommuneProvince(commune) } } : {}),
  };
  return { q: truncateQuery(typeof query.q === 'string' ? query.q : '').text, filter, page, limit };
}

/** Public routes: GET /api/v1/services, /api/v1/services/:id and /sortie/:id. */
export function publicServiceRoutes(directory: ServiceDirectory): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/services',
        tag: 'services',
        summary: 'Démarches en ligne des partenaires (registre), avec recherche et filtres',
        query: {
          q: { description: 'Texte recherché (nom, mots-clés, description) ; vide : tous, par nom' },
          partner: { description: 'Identifiants de partenaires, séparés par des virgules' },
          topic: { description: 'Thèmes' },
          audience: { description: 'particuliers, professionnels, associations' },
          commune: {
            description: 'Code INSEE 988xx : services de tout le territoire, de sa province ou de la commune',
          },
          item: { description: 'Services rattachés à cette publication' },
          page: { description: 'À partir de 1', schema: { type: 'integer', minimum: 1 } },
          limit: { description: '1 à 100, défaut 20', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        },
        responses: {
          200: {
            description: 'Services',
            schema: {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                page: { type: 'integer' },
                limit: { type: 'integer' },
                services: { type: 'array', items: { $ref: 'OnlineService' } },
              },
            },
          },
          400: { description: 'Paramètre invalide' },
        },
      },
      async (ctx) => {
        const { q, filter, page, limit } = readServiceQuery(ctx.query);
        const found = await directory.find(q, filter);
        ctx.set('Cache-Control', 'public, max-age=60');
        ctx.body = {
          total: found.length,
          page,
          limit,
          services: found.slice((page - 1) * limit, page * limit).map(toOnlineService),
        };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/services/:id',
        tag: 'services',
        summary: 'Un service en ligne',
        responses: {
          200: { description: 'Le service', schema: 'OnlineService' },
          404: { description: 'Inconnu ou retiré' },
        },
      },
      async (ctx) => {
        const doc = await findActive(ctx);
        ctx.set('Cache-Control', 'public, max-age=60');
        ctx.body = toOnlineService(doc);
      },
    )
    .add(
      {
        method: 'get',
        path: '/sortie/:id',
        tag: 'services',
        summary: "Sortie comptée vers l'adresse enregistrée du service (302) ; jamais vers une autre adresse",
        responses: {
          302: { description: "Redirection vers l'adresse enregistrée du service" },
          404: { description: 'Service inconnu ou retiré' },
        },
      },
      async (ctx) => {
        // The target is read from the registry only: nothing in the request can choose it.
        const doc = await findActive(ctx);
        // A lost count must not stop the citizen: the way out matters more than the figure.
        await recordExit(doc._id).catch((err: unknown) =>
          ctx.log.warn({ err, serviceId: doc._id }, 'services: exit not counted'),
        );
        ctx.set('Cache-Control', 'no-store');
        ctx.redirect(doc.url);
      },
    );
}

async function findActive(ctx: Context) {
  const id = String(ctx.params.id);
  const doc = ID.test(id) ? await findService(id) : undefined;
  if (!doc || doc.status !== 'active') throw notFound(`le service en ligne ${id}`);
  return doc;
}
