/** GET /api/v1/local-contacts — « Qui peut m'aider ? »: the cards of a commune for DILA office kinds. */
import { invalidInput, RouteGroup } from '../http/index.js';
import type { FieldError } from '../../schemas/index.js';
import { findLocalContacts, listLocalOfficeKinds } from './local-offices.js';

const KIND = /^[a-z0-9_-]{2,60}$/;

const CONTACT = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    partner: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    office: { $ref: 'Partner#/definitions/Office' },
    openNow: { type: 'boolean', description: 'Ouvert au moment demandé (heure de Nouméa) ; absent sans horaires' },
    nextChange: { type: 'string', description: 'Prochaine ouverture ou fermeture (ISO 8601)' },
    week: { type: 'array', description: 'Horaires de la semaine, du lundi au dimanche' },
    mapUrl: { type: 'string' },
  },
};

function readQuery(query: Record<string, unknown>): { kinds: string[]; commune: string; at: Date } {
  const errors: FieldError[] = [];
  const kinds = String(typeof query.kinds === 'string' ? query.kinds : '')
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  if (!kinds.length || kinds.length > 20 || !kinds.every((k) => KIND.test(k)))
    errors.push({
      field: 'kinds',
      message: 'de 1 à 20 types de guichet (mairie, prefecture…), séparés par des virgules',
    });
  const commune = typeof query.commune === 'string' ? query.commune : '';
  if (!/^988\d{2}$/.test(commune))
    errors.push({ field: 'commune', message: 'code INSEE de commune calédonienne (988xx)' });
  const at = typeof query.at === 'string' ? new Date(query.at) : new Date();
  if (Number.isNaN(at.getTime())) errors.push({ field: 'at', message: 'date ISO 8601 attendue' });
  if (errors.length) throw invalidInput(errors);
  return { kinds, commune, at };
}

/** The public « Qui peut m'aider ? » route. */
export function localContactRoutes(): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/api/v1/local-contacts',
      tag: 'partners',
      summary: "Qui peut m'aider ? Les guichets d'une commune pour des types de guichet DILA (mairie…)",
      query: {
        kinds: {
          description: `Types de guichet DILA (PivotLocal) connus : ${listLocalOfficeKinds().join(', ')}`,
          required: true,
        },
        commune: { description: 'Code INSEE de la commune choisie (988xx)', required: true },
        at: { description: 'Moment pour « ouvert maintenant » (ISO 8601) ; défaut : maintenant' },
      },
      responses: {
        200: {
          description: 'Les fiches de contact, une par partenaire',
          schema: {
            type: 'object',
            properties: { commune: { type: 'string' }, contacts: { type: 'array', items: CONTACT } },
          },
        },
        400: { description: 'Paramètre invalide' },
      },
    },
    async (ctx) => {
      const { kinds, commune, at } = readQuery(ctx.query);
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = { commune, contacts: await findLocalContacts(kinds, commune, at) };
    },
  );
}
