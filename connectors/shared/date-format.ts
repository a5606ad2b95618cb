/**
 * Per-source date patterns (JsonApiMapping.dateFormats), compiled once into a matcher.
 * Tokens: yyyy yy · MMMM MMM (month names, French or English) MM M · dd d · HH H · mm · ss ·
 * hh a (12-hour clock, AM/PM) · SSS · EEEE EEE (day name, ignored) · XXX XX X Z (zone: Z, +11:00, +1100) · 'literal'.
 * Any other character matches itself; a space matches any run of spaces.
 */
import {
  expandYear,
  monthFromName,
  MONTH_PATTERN,
  offsetFromZone,
  WEEKDAY_PATTERN,
  type DateParts,
} from './date-parts.js';

type Field =
  | 'year'
  | 'year2'
  | 'monthName'
  | 'month'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'meridiem'
  | 'minute'
  | 'second'
  | 'millisecond'
  | 'zone';

const TOKENS: Array<[string, string, Field | undefined]> = [
  ['yyyy', '(\\d{4})', 'year'],
  ['yy', '(\\d{2})', 'year2'],
  ['MMMM', `(${MONTH_PATTERN})\\.?`, 'monthName'],
  ['MMM', `(${MONTH_PATTERN})\\.?`, 'monthName'],
  ['MM', '(\\d{2})', 'month'],
  ['M', '(\\d{1,2})', 'month'],
  ['dd', '(\\d{2})', 'day'],
  ['d', '(\\d{1,2})(?:er)?', 'day'],
  ['HH', '(\\d{2})', 'hour'],
  ['H', '(\\d{1,2})', 'hour'],
  ['hh', '(\\d{1,2})', 'hour12'],
  ['a', '(am|pm)', 'meridiem'],
  ['mm', '(\\d{2})', 'minute'],
  ['ss', '(\\d{2})', 'second'],
  ['SSS', '(\\d{3})', 'millisecond'],
  ['EEEE', WEEKDAY_PATTERN, undefined],
  ['EEE', WEEKDAY_PATTERN, undefined],
  ['XXX', '(Z|[+-]\\d{2}:\\d{2})', 'zone'],
  ['XX', '(Z|[+-]\\d{4})', 'zone'],
  ['X', '(Z|[+-]\\d{2}(?::?\\d{2})?)', 'zone'],
  ['Z', '([+-]\\d{4}|Z)', 'zone'],
];

type Matcher = (text: string) => DateParts | undefined;
const cache = new Map<string, Matcher>();

/** Compiles a pattern such as "dd/MM/yyyy HH:mm" into a function returning date parts. */
export function compileDateFormat(format: string): Matcher {
  let matcher = cache.get(format);
  if (!matcher) {
    matcher = buildMatcher(format);
    cache.set(format, matcher);
  }
  return matcher;
}

function buildMatcher(format: string): Matcher {
  const fields: Field[] = [];
  let source = '';
  for (let i = 0; i < format.length;) {
    const rest = format.slice(i);
    const quoted = /^'([^']*)'/.exec(rest);
    const token = TOKENS.find(([name]) => rest.startsWith(name));
    if (quoted) {
      source += escapeRegExp(quoted[1] ?? '');
      i += quoted[0].length;
    } else if (token) {
      source += token[1];
      if (token[2]) fields.push(token[2]);
      i += token[0].length;
    } else {
      source += rest[0] === ' ' ? '\\s+' : escapeRegExp(rest[0] ?? '');
      i += 1;
    }
  }
  const regex = new RegExp(`^${source}$`, 'i');
  return (text) => {
    const match = regex.exec(text);
    return match ? toParts(fields, match.slice(1)) : undefined;
  };
}

function toParts(fields: Field[], values: Array<string | undefined>): DateParts | undefined {
  const parts: Partial<DateParts> = {};
  for (const [index, field] of fields.entries()) {
    const value = values[index] ?? '';
    if (field === 'year2') parts.year = expandYear(Number(value));
    else if (field === 'monthName') parts.month = monthFromName(value);
    else if (field === 'zone') parts.offsetMinutes = offsetFromZone(value);
    else if (field === 'hour12') parts.hour = (Number(value) % 12) + (parts.hour ?? 0);
    else if (field === 'meridiem') parts.hour = (parts.hour ?? 0) + (value.toLowerCase() === 'pm' ? 12 : 0);
    else parts[field] = Number(value);
  }
  if (parts.year === undefined || parts.month === undefined) return undefined;
  return { day: 1, ...parts } as DateParts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
