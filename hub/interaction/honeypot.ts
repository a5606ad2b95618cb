/** The hidden `website` field of every citizen form (comments, feedback, wishes). */
import { HttpError } from '../http/index.js';

/** A bot filled the hidden field: refused like any bad form, nothing stored. */
export function refuseHoneypot(body: unknown): void {
  const website = (body as { website?: unknown } | null)?.website;
  if (typeof website === 'string' && website.trim() !== '') {
    throw new HttpError(400, 'honeypot', 'Requête invalide', { detail: "le formulaire n'a pas pu être accepté" });
  }
}
