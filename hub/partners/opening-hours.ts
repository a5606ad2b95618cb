/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax, read by the `opening_hours`
 * library (offline: no network, its French messages bundled) and always evaluated in
 * Nouméa's time, whatever the process's time zone.
 */
import OpeningHours from 'opening_hours';
import { DateTime } from 'luxon';

export const OFFICE_TIMEZONE = 'Pacific/Noumea';

/** The week's days as the portal lists them, Monday first. */
const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Where an office stands at a moment, and until when. */
export interface OpeningState {
  open: boolean;
  /** The rule says neither open nor closed (a comment only, « sur rendez-vous »): no claim. */
  unknown: boolean;
  /** The next opening or closing, within a week; absent when there is none (24/7, always closed). */
  nextChange?: Date;
  /** The rule's comment at that moment (« sur rendez-vous »). */
  comment?: string;
}

/** One day of a typical week: « lundi » with its opening intervals (« 7 h 30 », « 11 h 30 »). */
export interface OpeningDay {
  day: string;
  intervals: { from: string; to: string }[];
}

/**
 * Why a value cannot be used, in French, or undefined when it reads. Public holidays (PH)
 * and school holidays (SH) are refused: the library knows France's, not New Caledonia's.
 */
export function checkOpeningHours(value: string): string | undefined {
  if (/\b(PH|SH)\b/.test(value))
    return 'les jours fériés (PH) et vacances (SH) ne sont pas connus pour la Nouvelle-Calédonie : dites-le dans la note des horaires';
  try {
    // The library corrects loose writing (« lundi », « 8h ») with a warning: the stored value
    // must be the exact syntax other tools read, so a warning refuses it too.
    const warning = readHours(value).getWarnings()[0];
    return warning
      ? `horaires à corriger (syntaxe OpenStreetMap, par exemple « Mo-Fr 07:30-11:30,12:15-16:00 ») : ${warning.replace(/\s+/g, ' ').slice(0, 300)}`
      : undefined;
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error)
      .replace(/\s+/g, ' ')
      .trim();
    return `horaires illisibles (syntaxe OpenStreetMap, par exemple « Mo-Fr 07:30-11:30,12:15-16:00 ») : ${message.slice(0, 300)}`;
  }
}

// Mode 0: time ranges only (no « points in time »); French messages.
const CONF = { mode: 0, locale: 'fr', tag_key: undefined, map_value: undefined, warnings_severity: undefined } as const;

function readHours(value: string): OpeningHours {
  return new OpeningHours(value, null, CONF);
}

/** Open or closed at a moment (default now), in Nouméa's time. */
export function evaluateOpeningHours(value: string, at: Date = new Date()): OpeningState {
  const hours = readHours(value);
  const wall = toWallClock(at);
  const next = hours.getNextChange(wall, new Date(wall.getTime() + 7 * 86_400_000));
  const comment = hours.getComment(wall);
  return {
    open: hours.getState(wall),
    unknown: hours.getUnknown(wall),
    ...(next ? { nextChange: fromWallClock(next) } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The opening intervals of each day of the week that contains `at`, Monday to Sunday. */
export function describeOpeningWeek(value: string, at: Date = new Date()): OpeningDay[] {
  const hours = readHours(value);
  const monday = DateTime.fromJSDate(at, { zone: OFFICE_TIMEZONE }).startOf('week');
  return DAY_NAMES.map((day, index) => {
    const start = toWallClock(monday.plus({ days: index }).toJSDate());
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    const intervals = hours
      .getOpenIntervals(start, end)
      .map(([from, to]) => ({ from: formatWallClock(from), to: formatWallClock(to, true) }));
    return { day, intervals };
  });
}

/**
 * The library reads local-time fields (getHours…): hand it a Date whose local fields are
 * Nouméa's wall clock. (Nouméa has no daylight saving time; a process in a zone that
 * has some could only skew the hour its own clocks skip.)
 */
function toWallClock(at: Date): Date {
  const n = DateTime.fromJSDate(at, { zone: OFFICE_TIMEZONE });
  return new Date(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
}

function fromWallClock(wall: Date): Date {
  return DateTime.fromObject(
    {
      year: wall.getFullYear(),
      month: wall.getMonth() + 1,
      day: wall.getDate(),
      hour: wall.getHours(),
      minute: wall.getMinutes(),
    },
    { zone: OFFICE_TIMEZONE },
  ).toJSDate();
}

/** « 7 h 30 », « 16 h »; midnight at the end of a day is « 24 h ». */
function formatWallClock(wall: Date, end = false): string {
  const hour = end && wall.getHours() === 0 && wall.getMinutes() === 0 ? 24 : wall.getHours();
  const minutes = wall.getMinutes();
  return minutes ? `${hour}\u00a0h\u00a0${String(minutes).padStart(2, '0')}` : `${hour}\u00a0h`;
}
