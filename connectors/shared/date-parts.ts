/** Calendar pieces shared by the date parsers: month and zone names, and building the instant. */

/** Pacific/Noumea is UTC+11 all year (no daylight saving since 1979). */
export const NOUMEA_OFFSET_MINUTES = 11 * 60;

/** What a parser found; missing time fields mean midnight, a missing offset means Nouméa. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  offsetMinutes?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janv: 1,
  janvier: 1,
  feb: 2,
  february: 2,
  fev: 2,
  fevr: 2,
  fevrier: 2,
  févr: 2,
  février: 2,
  fév: 2,
  mar: 3,
  march: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avr: 4,
  avril: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juil: 7,
  juillet: 7,
  aug: 8,
  august: 8,
  aou: 8,
  aout: 8,
  aoû: 8,
  août: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  déc: 12,
  decembre: 12,
  décembre: 12,
};

/** Month names and abbreviations, English and French, for use inside a regular expression. */
export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Day names, English and French, full or abbreviated. */
export const WEEKDAY_PATTERN =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\.?,?';

const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  nct: 660,
};

/** Month number from an English or French name or abbreviation. */
export function monthFromName(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** Offset in minutes from "Z", "GMT", "+1100", "+11:00", "-03"; undefined when unknown. */
export function offsetFromZone(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** Two-digit years: 00–49 are 2000s, 50–99 are 1900s (RFC 2822 §4.3). */
export function expandYear(year: number): number {
  if (year >= 100) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Builds the UTC instant, or undefined when a field is out of range (31/02, 25:00…). */
export function toInstant(parts: DateParts): Date | undefined {
  const { year, month, day, hour = 0, minute = 0, millisecond = 0 } = parts;
  const second = Math.min(parts.second ?? 0, 59); // a leap second lands on :59
  const offset = parts.offsetMinutes ?? NOUMEA_OFFSET_MINUTES;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0)) || minute > 59 || second > 60) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000);
}
