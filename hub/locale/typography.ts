/**
 * French typography for the texts the hub writes (labels, messages, headings): a
 * non-breaking space before « : », a narrow non-breaking space before « ; ! ? » and inside
 * guillemets, as the Imprimerie nationale's rules have it. Idempotent; addresses
 * (https://…), times (14:30) and ratios are left alone. Pure and browser-safe.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Applies the French spacing rules to `text`. */
export function applyFrenchTypography(text: string): string {
  return (
    text
      // A plain or missing space before : (only when a space or the end follows: not 14:30, https://).
      .replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/g, (_, before: string) => `${before}${NBSP}:`)
      // … before ; ! ? (a run such as « ?! » stays together).
      .replace(/([^\s\u00a0\u202f;!?])[ \u00a0\u202f]*([;!?]+)(?=\s|$|»)/g, `$1${NNBSP}$2`)
      // Inside guillemets.
      .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
  );
}

/** The text with its first letter in upper case (« du 12 mars » → « Du 12 mars »). */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}
