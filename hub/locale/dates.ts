/**
 * Dates as citizens read them, always in New Caledonia's time zone (UTC+11, no daylight
 * saving): the one place where the hub, the pages and the widgets turn an instant into
 * French (or, for the widgets, English) text. Pure and browser-safe (the widgets bundle it).
 */

export type Lang = 'fr' | 'en';

/** The territory's time zone: dates are never shown in the server's or the visitor's. */
export const TIME_ZONE = 'Pacific/Noumea';

const LOCALES: Record<Lang, string> = { fr: 'fr-NC', en: 'en-GB' };

/** An instant's calendar date and clock time in Nouméa. */
export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

let partsFormatter: Intl.DateTimeFormat | undefined;
const monthNames = new Map<Lang, string[]>();

/** The formatter every date goes through: numeric fields in Nouméa's time. */
function getPartsFormatter(): Intl.DateTimeFormat {
  return (partsFormatter ??= new Intl.DateTimeFormat(LOCALES.fr, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }));
}

/** « janvier »… « décembre » / "January"… "December", from Intl (UTC noon: no day shift). */
function getMonthName(month: number, lang: Lang): string {
  let names = monthNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 15, 12)));
    monthNames.set(lang, names);
  }
  return names[month - 1] ?? '';
}

/** The value as a Date, or undefined when missing or unparsable. */
export function toDate(value: string | Date | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The date and time of `value` in Nouméa, or undefined for a missing or invalid date. */
export function toLocalParts(value: string | Date | undefined | null): LocalParts | undefined {
  const date = toDate(value);
  if (!date) return undefined;
  const parts: Record<string, number> = {};
  for (const part of getPartsFormatter().formatToParts(date)) parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    // Some engines write midnight as 24 even with h23.
    hour: parts.hour! % 24,
    minute: parts.minute!,
  };
}

/** « 1er mars 2027 », « 12 mars » / "12 March 2027": the first of the month takes « er » in French. */
export function formatCalendarDay(parts: LocalParts, lang: Lang, withYear = true): string {
  const day = lang === 'fr' && parts.day === 1 ? '1er' : String(parts.day);
  return `${day} ${getMonthName(parts.month, lang)}${withYear ? ` ${parts.year}` : ''}`;
}

/** « 9 h », « 9 h 30 » (French, non-breaking spaces) / "09:30" (English). */
export function formatClock(parts: LocalParts, lang: Lang): string {
  const minutes = String(parts.minute).padStart(2, '0');
  if (lang === 'en') return `${String(parts.hour).padStart(2, '0')}:${minutes}`;
  return parts.minute ? `${parts.hour}\u00a0h\u00a0${minutes}` : `${parts.hour}\u00a0h`;
}

/** « 1er mars 2027 » / "1 March 2027"; empty for a missing or invalid date. */
export function formatDate(value: string | Date | undefined | null, lang: Lang = 'fr'): string {
  const parts = toLocalParts(value);
  return parts ? formatCalendarDay(parts, lang) : '';
}

/** « 1er mars 2027 à 9 h 30 » / "1 March 2027 at 09:30"; empty for a missing or invalid date. */
export function formatDateTime(value: string | Date | undefined | null, lang: Lang = 'fr'): string {
  const parts = toLocalParts(value);
  if (!parts) return '';
  return `${formatCalendarDay(parts, lang)} ${lang === 'fr' ? 'à' : 'at'} ${formatClock(parts, lang)}`;
}
