/** The hidden field every console form carries (CSRF). */
import { FORM_FIELD } from '../http/csrf.js';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={FORM_FIELD} value={token} />;
}
