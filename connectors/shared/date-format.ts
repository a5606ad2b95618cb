/**
 * Per-source date patterns (JsonApiMapping.dateFormats), read by luxon in French then in
 * English, a date without a zone being a Nouméa date (Pacific/Noumea).
 *
 * Tokens (date-fns / Unicode style, as partners' configurations write them): yyyy yy ·
 * MMMM MMM (month names) MM M · dd d · HH H · hh a (12-hour clock) · mm · ss · SSS ·
 * EEEE EEE (day names) · XXX (+11:00) XX X Z (+1100) · 'literal'. They are luxon's own but
 * for the zone ones, translated here. What luxon does not read in a pattern, and the
 * standard forms of dates.ts do: month names without their accents (« fevrier », « aout »),
 * « 1er », and a literal Z for UTC in place of an offset.
 */
import { DateTime } from 'luxon';

const ZONE_TOKENS: Record<string, string> = { XXX: 'ZZ', XX: 'ZZZ', X: 'ZZ', Z: 'ZZZ' };
const LOCALES = ['fr', 'en'];
const cache = new Map<string, string>();

/** The luxon form of a pattern: zone tokens translated, quoted literals kept, spaces single. */
function toLuxonFormat(format: string): string {
  let luxon = cache.get(format);
  if (luxon === undefined) {
    luxon = format
      .split(/('[^']*')/)
      .map((part, i) => (i % 2 ? part : part.replace(/XXX|XX|X|Z/g, (t) => ZONE_TOKENS[t] ?? t).replace(/\s+/g, ' ')))
      .join('');
    cache.set(format, luxon);
  }
  return luxon;
}

/** The instant `text` names in `format` (text with single spaces), as a Date, or undefined. */
export function parseWithFormat(text: string, format: string): Date | undefined {
  for (const locale of LOCALES) {
    const date = DateTime.fromFormat(text, toLuxonFormat(format), { zone: 'Pacific/Noumea', locale });
    if (date.isValid && date.year >= 1900 && date.year <= 2200) return date.toJSDate();
  }
  return undefined;
}
