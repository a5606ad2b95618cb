/**
 * When an event takes place, as a phrase: « le 12 mars 2027 de 9 h à 12 h », « du 12 au
 * 14 mars 2027 ». Connectors store a date without a time as midnight in Nouméa, so a start
 * at midnight with no end, or an end at midnight or 23:59, is a whole-day event; an end at
 * midnight is read as the last day (partners write « du 12 au 14 »), not as iCalendar's
 * exclusive end.
 */
import { formatCalendarDay, formatClock, toLocalParts, type Lang, type LocalParts } from './dates.js';

/** The event fields of an item (ISO strings from the API, Dates from the database). */
export interface EventDates {
  start: string | Date;
  end?: string | Date;
}

const WORDS = {
  fr: { on: 'le ', from: 'du ', to: ' au ', at: ' à ', fromTime: ' de ', toTime: ' à ', dayTime: ' à ' },
  en: { on: '', from: 'from ', to: ' to ', at: ' at ', fromTime: ', ', toTime: ' to ', dayTime: ' at ' },
} as const;

const isMidnight = (p: LocalParts) => p.hour === 0 && p.minute === 0;
const isEndOfDay = (p: LocalParts) => isMidnight(p) || (p.hour === 23 && p.minute === 59);
const isSameDay = (a: LocalParts, b: LocalParts) => a.year === b.year && a.month === b.month && a.day === b.day;

/** The event's dates as a lower-case phrase; empty when the start is missing or invalid. */
export function formatEventDates(event: EventDates, lang: Lang = 'fr'): string {
  const start = toLocalParts(event.start);
  if (!start) return '';
  // An end before or at the start says nothing more than the start.
  const end = endsAfterStart(event) ? toLocalParts(event.end) : undefined;
  const w = WORDS[lang];
  if (!end || isSameDay(start, end)) return formatOneDay(start, end, lang);
  const startTimed = !isMidnight(start);
  const endTimed = !isEndOfDay(end);
  const sameYear = start.year === end.year;
  if (!startTimed && !endTimed && sameYear && start.month === end.month) {
    const first = lang === 'fr' && start.day === 1 ? '1er' : String(start.day);
    return `${w.from}${first}${w.to}${formatCalendarDay(end, lang)}`;
  }
  const from = formatCalendarDay(start, lang, !sameYear) + (startTimed ? w.dayTime + formatClock(start, lang) : '');
  const to = formatCalendarDay(end, lang) + (endTimed ? w.dayTime + formatClock(end, lang) : '');
  return `${w.from}${from}${w.to}${to}`;
}

/** An event within one day: « le 12 mars 2027 », « … à 18 h », « … de 9 h à 12 h ». */
function formatOneDay(start: LocalParts, end: LocalParts | undefined, lang: Lang): string {
  const w = WORDS[lang];
  const day = w.on + formatCalendarDay(start, lang);
  if (isMidnight(start)) return day;
  if (!end || isEndOfDay(end)) return day + w.at + formatClock(start, lang);
  return day + w.fromTime + formatClock(start, lang) + w.toTime + formatClock(end, lang);
}

function endsAfterStart(event: EventDates): boolean {
  return event.end !== undefined && new Date(event.end).getTime() > new Date(event.start).getTime();
}
