/**
 * The form token that GET …/comments hands out and POST …/comments must bring back:
 * HMAC-SHA256 (a server secret kept in the database) over {itemId, issuedAt}. A comment
 * sent less than 3 s after the form was loaded is a bot's; after 2 h the page is stale.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, Unprocessable } from '../../domain-errors.js';
import { now } from '../clock.js';
import { getServerSecret } from '../../db/index.js';

export const FORM_TOKEN_MIN_AGE_MS = 3_000;
export const FORM_TOKEN_MAX_AGE_MS = 2 * 60 * 60_000;
/** Clocks of several hub processes may differ a little. */
const CLOCK_SKEW_MS = 60_000;

async function sign(payload: string): Promise<string> {
  return createHmac('sha256', await getServerSecret('form-token'))
    .update(payload)
    .digest('base64url');
}

/** Signs a form token for an item, issued at `issuedAt` (tests may pass a past time). */
export async function signFormToken(itemId: string, issuedAt: Date = now()): Promise<string> {
  const payload = `${itemId}.${issuedAt.getTime().toString(36)}`;
  return `${Buffer.from(payload).toString('base64url')}.${await sign(payload)}`;
}

function invalid(): DomainError {
  return new DomainError(
    'invalid_input',
    'form_token_invalid',
    "jeton de formulaire absent, altéré ou d'un autre contenu : rechargez les commentaires",
    { title: 'Formulaire invalide' },
  );
}

/** Checks a token for the item; throws form_token_invalid, too_fast or form_token_expired. */
export async function verifyFormToken(token: string, itemId: string): Promise<void> {
  const [encoded = '', signature = ''] = token.split('.');
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(await sign(payload));
  const given = Buffer.from(signature);
  if (!encoded || given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const dot = payload.lastIndexOf('.');
  const issuedAt = parseInt(payload.slice(dot + 1), 36);
  if (payload.slice(0, dot) !== itemId || !Number.isFinite(issuedAt)) throw invalid();
  const age = now().getTime() - issuedAt;
  if (age < -CLOCK_SKEW_MS) throw invalid();
  if (age < FORM_TOKEN_MIN_AGE_MS) {
    throw new Unprocessable(
      'too_fast',
      'Envoi trop rapide',
      "le commentaire a été envoyé moins de 3 secondes après l'ouverture du formulaire",
      { retryAfter: Math.ceil((FORM_TOKEN_MIN_AGE_MS - age) / 1000) },
    );
  }
  if (age > FORM_TOKEN_MAX_AGE_MS) {
    throw new Unprocessable(
      'form_token_expired',
      'Formulaire expiré',
      'le formulaire a été ouvert il y a plus de 2 heures : rechargez les commentaires',
    );
  }
}
