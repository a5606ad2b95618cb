/**
 * Domain refusals on the wire: each kind thrown by an operation comes out of the one error
 * middleware with the status, title, code and members the API has always given.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  RateLimited,
  Unprocessable,
} from '../../../hub/domain-errors.js';
import { renderProblems } from '../../../hub/http/index.js';

const THROWN: Record<string, () => DomainError> = {
  '/not-found': () => new NotFound('le contenu x'),
  '/invalid': () => new InvalidInput([{ field: 'body', message: 'le commentaire est vide' }]),
  '/forbidden': () =>
    new Forbidden('ce contenu n’accepte plus de commentaires', 'comments_closed', 'Commentaires fermés'),
  '/conflict': () => new Conflict('partner_exists', 'le partenaire x existe déjà'),
  '/too-fast': () => new Unprocessable('too_fast', 'Envoi trop rapide', 'trop tôt', { retryAfter: 2 }),
  '/limited': () => new RateLimited('trop d’actions', 12.2),
  '/token': () =>
    new DomainError('invalid_input', 'form_token_invalid', 'jeton altéré', { title: 'Formulaire invalide' }),
};

let server: Server;
let base: string;

beforeAll(async () => {
  const app = new Koa();
  app.use(renderProblems());
  app.use((ctx) => {
    const make = THROWN[ctx.path];
    if (make) throw make();
  });
  server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('domain errors as problem+json', () => {
  it.each([
    ['/not-found', 404, 'not_found', 'Ressource introuvable', { detail: 'le contenu x est introuvable' }],
    [
      '/invalid',
      400,
      'invalid_input',
      'Données invalides',
      {
        detail: 'body : le commentaire est vide',
        errors: [{ field: 'body', message: 'le commentaire est vide' }],
      },
    ],
    ['/forbidden', 403, 'comments_closed', 'Commentaires fermés', {}],
    ['/conflict', 409, 'partner_exists', 'Conflit', { detail: 'le partenaire x existe déjà' }],
    ['/too-fast', 422, 'too_fast', 'Envoi trop rapide', { retryAfter: 2 }],
    ['/limited', 429, 'rate_limited', 'Trop de requêtes', { retryAfter: 13 }],
    ['/token', 400, 'form_token_invalid', 'Formulaire invalide', { detail: 'jeton altéré' }],
  ])('%s → %i %s', async (path, status, code, title, members) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: `https://passerelle.nc/problems/${code}`, status, code, title, ...members });
    if (status === 429) expect(res.headers.get('retry-after')).toBe('13');
    if (status !== 400) expect(body).not.toHaveProperty('errors');
  });
});
