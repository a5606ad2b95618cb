/**
 * Form tokens: what a public form (a comment today, feedback and wishes next) must bring
 * back to be accepted. A token is issued for one purpose, one subject (the item, the wish…)
 * and one visitor key, and is good for one submission, from 3 s to 2 h after it was issued.
 *
 * Shape: base64url(JSON {p: purpose, s: subject, v: visitor tag, t: issued at, n: nonce})
 * "." HMAC-SHA256 of that under a random secret kept in the database (every hub process
 * shares it). The visitor tag is a hash of the visitor key's stored hash: a token asked for
 * with one key is refused with any other. Single use rests on inserting the nonce under a
 * unique _id (`form_token_uses`), the one write FerretDB makes exactly once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isDuplicateKey } from '../../db/index.js';
import { Conflict, DomainError, Forbidden, Unprocessable } from '../../domain-errors.js';
import { now } from '../clock.js';
import { getServerSecret } from '../../secrets/index.js';
import type { Visitor } from '../visitor.js';
import { UsedFormTokenModel } from './used-token-model.js';

export const FORM_TOKEN_MIN_AGE_MS = 3_000;
export const FORM_TOKEN_MAX_AGE_MS = 2 * 60 * 60_000;
/** Clocks of several hub processes may differ a little. */
const CLOCK_SKEW_MS = 60_000;
const PURPOSE = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The purpose of the forms about one item (subject: the item id): the comment form, and the
 * page feedback form next, which the contract gives the same token (the `formToken` of
 * GET /api/v1/items/:id/comments). Spent by whichever is sent first.
 */
export const ITEM_FORMS = 'item';

/** What a token is for: a form (`comment`, `feedback`, `wish`…), what it is about, who asked. */
export interface FormTokenScope {
  /** The form, in lower case: `comment`, `feedback`, `wish`… A token of one form is refused by another. */
  purpose: string;
  /** What the form is about: an item id, a wish id, or a fixed word for a form about nothing in particular. */
  subject: string;
  /** The visitor who asked for the form (requireVisitor). */
  visitor: Visitor;
}

/** A token as a form brought it back, with the scope it must have been issued for. */
export interface FormTokenUse extends FormTokenScope {
  token: string;
}

/** A token whose signature, scope, visitor and age were checked; spend it once. */
export interface FormTokenClaim {
  purpose: string;
  nonce: string;
  issuedAt: Date;
}

interface Payload {
  p: string;
  s: string;
  v: string;
  t: number;
  n: string;
}

async function sign(encoded: string): Promise<Buffer> {
  return createHmac('sha256', await getServerSecret('form-token'))
    .update(`form-token/v2:${encoded}`)
    .digest();
}

/** 22 characters that tie a token to one visitor key without carrying its hash. */
function visitorTag(visitor: Visitor): string {
  return createHash('sha256').update(`form-token-visitor:${visitor.hash}`).digest('base64url').slice(0, 22);
}

/** Issues a token for a form (tests may pass a past `issuedAt`). */
export async function issueFormToken(scope: FormTokenScope & { issuedAt?: Date }): Promise<string> {
  if (!PURPOSE.test(scope.purpose)) throw new Error(`interaction: invalid form purpose ${scope.purpose}`);
  const payload: Payload = {
    p: scope.purpose,
    s: scope.subject,
    v: visitorTag(scope.visitor),
    t: (scope.issuedAt ?? now()).getTime(),
    n: randomBytes(16).toString('base64url'),
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${(await sign(encoded)).toString('base64url')}`;
}

function invalid(): DomainError {
  return new DomainError(
    'invalid_input',
    'form_token_invalid',
    "jeton de formulaire absent, altéré ou d'un autre formulaire : rechargez la page",
    { title: 'Formulaire invalide' },
  );
}

function alreadyUsed(): DomainError {
  return new Conflict('form_token_used', 'ce formulaire a déjà été envoyé : rechargez-le pour envoyer autre chose');
}

async function readPayload(token: string): Promise<Payload> {
  const [encoded = '', signature = '', extra] = String(token ?? '').split('.');
  if (!encoded || extra !== undefined || encoded.length > 2048) throw invalid();
  const expected = await sign(encoded);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
    if (typeof payload.t !== 'number' || typeof payload.n !== 'string') throw invalid();
    return payload;
  } catch {
    throw invalid();
  }
}

function checkAge(issuedAt: number): void {
  const age = now().getTime() - issuedAt;
  if (age < -CLOCK_SKEW_MS) throw invalid();
  if (age < FORM_TOKEN_MIN_AGE_MS) {
    throw new Unprocessable(
      'too_fast',
      'Envoi trop rapide',
      'le formulaire a été envoyé moins de 3 secondes après avoir été ouvert',
      { retryAfter: Math.ceil((FORM_TOKEN_MIN_AGE_MS - age) / 1000) },
    );
  }
  if (age > FORM_TOKEN_MAX_AGE_MS) {
    throw new Unprocessable(
      'form_token_expired',
      'Formulaire expiré',
      'le formulaire a été ouvert il y a plus de 2 heures : rechargez la page',
    );
  }
}

/**
 * Checks a token for a scope without using it: form_token_invalid (400: forged, altered,
 * another form or subject), form_token_foreign (403: asked with another visitor key),
 * too_fast (422, with retryAfter), form_token_expired (422), form_token_used (409).
 */
export async function checkFormToken({ token, ...scope }: FormTokenUse): Promise<FormTokenClaim> {
  const payload = await readPayload(token);
  if (payload.p !== scope.purpose || payload.s !== scope.subject) throw invalid();
  if (payload.v !== visitorTag(scope.visitor))
    throw new Forbidden(
      'ce formulaire a été ouvert avec un autre identifiant de visiteur : rechargez la page',
      'form_token_foreign',
      "Formulaire d'un autre visiteur",
    );
  checkAge(payload.t);
  // Early and cheap (by _id); spendFormToken decides for good.
  if (await UsedFormTokenModel.exists({ _id: payload.n })) throw alreadyUsed();
  return { purpose: payload.p, nonce: payload.n, issuedAt: new Date(payload.t) };
}

/** Uses a checked token: exactly one of several submissions wins; the others get form_token_used (409). */
export async function spendFormToken(claim: FormTokenClaim): Promise<void> {
  try {
    await UsedFormTokenModel.create({
      _id: claim.nonce,
      purpose: claim.purpose,
      usedAt: now(),
      expiresAt: new Date(claim.issuedAt.getTime() + FORM_TOKEN_MAX_AGE_MS + CLOCK_SKEW_MS),
    });
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadyUsed();
    throw err;
  }
}

/** checkFormToken then spendFormToken: for a form with nothing else to refuse after the token. */
export async function consumeFormToken(use: FormTokenUse): Promise<void> {
  await spendFormToken(await checkFormToken(use));
}

/** Deletes the records of tokens that have expired anyway; returns how many. */
export async function purgeUsedFormTokens(at: Date): Promise<number> {
  return (await UsedFormTokenModel.deleteMany({ expiresAt: { $lt: at } })).deletedCount;
}
