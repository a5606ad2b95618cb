/**
 * Dates as partners write them: RFC 822, RFC 3339 / ISO 8601, French forms ("29/11/2026",
 * "lundi 29 novembre 2026 à 14h30"), epoch numbers, and per-source patterns. A date without
 * a zone is a Nouméa date (UTC+11). Output is an ISO 8601 string in UTC.
 */
import { parseWithFormat } from './date-format.js';
import {
  expandYear,
  monthFromName,
  MONTH_PATTERN,
  offsetFromZone,
  toInstant,
  WEEKDAY_PATTERN,
  type DateParts,
} from './date-parts.js';

/** Options of parseDate. */
export interface ParseDateOptions {
  /** Patterns tried first, e.g. "dd/MM/yyyy HH:mm" (tokens: see date-format.ts; read by luxon). */
  formats?: readonly string[];
}

type PartsParser = (text: string) => DateParts | undefined;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = new RegExp(
  `^(?:${WEEKDAY_PATTERN}\\s*)?(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?\\s+(\\d{2,4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?(?:\\s*([a-z]{1,5}|[+-]\\d{2}:?\\d{2}))?$`,
  'i',
);
// French time after a date: "14h30", "14 h", "14:30", "14:30:15", optionally after "à" or a comma.
const FRENCH_TIME = '(?:\\s*(?:à|a|,|-|–)?\\s*(\\d{1,2})\\s*(?:h|:)\\s*(\\d{2})?(?::(\\d{2}))?)?';
const FRENCH_NUMERIC = new RegExp(
  `^(?:${WEEKDAY_PATTERN}\\s*)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})${FRENCH_TIME}$`,
  'i',
);
const FRENCH_TEXT = new RegExp(
  `^(?:${WEEKDAY_PATTERN}\\s*)?(\\d{1,2})(?:er)?\\s+(${MONTH_PATTERN})\\.?\\s+(\\d{4})${FRENCH_TIME}$`,
  'i',
);

const PARSERS: PartsParser[] = [parseEpoch, parseIso, parseRfc822, parseFrenchNumeric, parseFrenchText];

/** Parses a date as partners write it; returns an ISO 8601 UTC string, or undefined. */
export function parseDate(value: unknown, options: ParseDateOptions = {}): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number') return partsToIso(parseEpoch(String(value)));
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  for (const format of options.formats ?? []) {
    const date = parseWithFormat(text, format);
    if (date) return date.toISOString();
  }
  for (const parse of PARSERS) {
    const iso = partsToIso(parse(text));
    if (iso) return iso;
  }
  return undefined;
}

function partsToIso(parts: DateParts | undefined): string | undefined {
  return parts ? toInstant(parts)?.toISOString() : undefined;
}

/** Seconds (10 digits) or milliseconds (13 digits) since 1970, as JSON APIs send them. */
function parseEpoch(text: string): DateParts | undefined {
  if (!/^\d{10}(\d{3})?$/.test(text)) return undefined;
  const date = new Date(text.length === 13 ? Number(text) : Number(text) * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    offsetMinutes: 0,
  };
}

function parseIso(text: string): DateParts | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  return withOptional(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    { hour: m[4], minute: m[5], second: m[6], millisecond: m[7] && Number(`0.${m[7]}`) * 1000 },
    m[8],
  );
}

function parseRfc822(text: string): DateParts | undefined {
  const m = RFC822.exec(text);
  const month = m?.[2] ? monthFromName(m[2]) : undefined;
  if (!m || !month) return undefined;
  return withOptional(
    { year: expandYear(Number(m[3])), month, day: Number(m[1]) },
    { hour: m[4], minute: m[5], second: m[6] },
    m[7],
  );
}

function parseFrenchNumeric(text: string): DateParts | undefined {
  const m = FRENCH_NUMERIC.exec(text);
  if (!m) return undefined;
  return withOptional(
    { year: expandYear(Number(m[3])), month: Number(m[2]), day: Number(m[1]) },
    { hour: m[4], minute: m[5], second: m[6] },
  );
}

function parseFrenchText(text: string): DateParts | undefined {
  const m = FRENCH_TEXT.exec(text);
  const month = m?.[2] ? monthFromName(m[2]) : undefined;
  if (!m || !month) return undefined;
  return withOptional({ year: Number(m[3]), month, day: Number(m[1]) }, { hour: m[4], minute: m[5], second: m[6] });
}

/** Adds the time fields that were matched, and the zone; an unknown zone name fails the parse. */
function withOptional(
  date: DateParts,
  time: Partial<Record<'hour' | 'minute' | 'second' | 'millisecond', string | number | undefined>>,
  zone?: string,
): DateParts | undefined {
  const parts: DateParts = { ...date };
  for (const [key, value] of Object.entries(time)) {
    if (value !== undefined && value !== '') parts[key as 'hour'] = Math.round(Number(value));
  }
  if (zone === undefined) return parts;
  const offset = offsetFromZone(zone);
  if (offset === undefined && !/^[a-ik-z]$/i.test(zone)) return undefined;
  // RFC 2822 §4.3: military zone letters are unreliable and read as -0000.
  parts.offsetMinutes = offset ?? 0;
  return parts;
}
