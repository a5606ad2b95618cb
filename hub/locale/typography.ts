/**
 * French typography for the texts the hub writes (labels, messages, headings): a
 * non-breaking space before « : », a narrow non-breaking space before « ; ! ? » and inside
 * guillemets, as the Imprimerie nationale's rules have it. Idempotent; addresses
 * (https://…), times (14:30) and ratios are left alone. Pure and browser-safe.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * The texts already spaced, and their result: pages apply the rules to the same labels and
 * titles on every request (0.4 ms of a « Contenus » page of 11 ms in a CPU profile), and the
 * result is a pure function of the text. Bounded: only short texts (labels, titles) are
 * held — a mail's or a notification's body is spaced afresh — and the store is emptied when
 * full, so it never holds more than about 2 MB.
 */
const spaced = new Map<string, string>();
const SPACED_MAX = 4096;
const HELD_TEXT_MAX = 256;

/** How many texts are held (for tests). */
export function typographyMemoSize(): number {
  return spaced.size;
}

/** Applies the French spacing rules to `text`. */
export function applyFrenchTypography(text: string): string {
  if (text.length > HELD_TEXT_MAX) return spaceFrench(text);
  let out = spaced.get(text);
  if (out === undefined) {
    if (spaced.size >= SPACED_MAX) spaced.clear();
    spaced.set(text, (out = spaceFrench(text)));
  }
  return out;
}

/** The rules themselves, run on every call. */
export function spaceFrench(text: string): string {
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
