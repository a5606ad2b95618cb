/** What a citizen typed, as stored: plain text, checked, never interpreted. */
import type { FieldError } from '../../../schemas/index.js';
import { InvalidInput } from '../../domain-errors.js';
import { normalizeAuthor, normalizeBody } from '../../interaction/index.js';
import { getCommuneName } from '../../search/index.js';

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[a-z]{2,}$/i;

export interface WishText {
  title: string;
  body: string;
}

/** Title on one line (5 to 140 characters) and body (10 to 2,000); 400 invalid_input otherwise. */
export function cleanWishText(input: WishText, errors: FieldError[] = []): WishText {
  const title = normalizeAuthor(input.title);
  const body = normalizeBody(input.body);
  if (title.length < 5 || title.length > 140)
    errors.push({ field: 'title', message: 'le titre doit faire de 5 à 140 caractères' });
  if (body.length < 10 || body.length > 2000)
    errors.push({ field: 'body', message: 'la description doit faire de 10 à 2 000 caractères' });
  return { title, body };
}

/** An e-mail address for follow-up, lower-cased; adds an error when it does not look like one. */
export function cleanEmail(raw: string | undefined, errors: FieldError[]): string | undefined {
  const email = raw?.trim().toLowerCase();
  if (!email) return undefined;
  if (!EMAIL.test(email) || email.length > 254)
    errors.push({ field: 'email', message: "l'adresse e-mail n'est pas valide (exemple : prenom.nom@domaine.nc)" });
  return email;
}

/** A commune's INSEE code, checked against the 33 communes. */
export function checkCommune(code: string | undefined, errors: FieldError[]): void {
  if (code && !getCommuneName(code)) errors.push({ field: 'commune', message: 'commune inconnue (code INSEE 988xx)' });
}

/** Throws the collected errors, if any. */
export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw new InvalidInput(errors);
}
