import { describe, expect, it } from 'vitest';
import { formatEventDates, type EventDates } from '../../../hub/locale/index.js';

/** An instant given in Nouméa's time (UTC+11). */
const nc = (local: string) => `${local}+11:00`;

describe('formatEventDates in French', () => {
  it.each<[string, EventDates, string]>([
    ['a whole day (start at midnight, no end)', { start: nc('2027-03-12T00:00:00') }, 'le 12 mars 2027'],
    [
      'a whole day ending at midnight the same day',
      { start: nc('2027-03-12T00:00:00'), end: nc('2027-03-12T00:00:00') },
      'le 12 mars 2027',
    ],
    [
      'a whole day ending at 23:59',
      { start: nc('2027-03-12T00:00:00'), end: nc('2027-03-12T23:59:00') },
      'le 12 mars 2027',
    ],
    ['a start time and no end', { start: nc('2027-03-12T18:00:00') }, 'le 12 mars 2027 à 18\u00a0h'],
    ['minutes', { start: nc('2027-03-12T18:30:00') }, 'le 12 mars 2027 à 18\u00a0h\u00a030'],
    [
      'a start and an end the same day',
      { start: nc('2027-03-12T09:00:00'), end: nc('2027-03-12T12:00:00') },
      'le 12 mars 2027 de 9\u00a0h à 12\u00a0h',
    ],
    [
      'a timed start ending at 23:59',
      { start: nc('2027-03-12T19:00:00'), end: nc('2027-03-12T23:59:00') },
      'le 12 mars 2027 à 19\u00a0h',
    ],
    [
      'days of one month',
      { start: nc('2027-03-12T00:00:00'), end: nc('2027-03-14T00:00:00') },
      'du 12 au 14 mars 2027',
    ],
    [
      'days of one month, end at 23:59',
      { start: nc('2027-03-12T00:00:00'), end: nc('2027-03-14T23:59:00') },
      'du 12 au 14 mars 2027',
    ],
    [
      'the first of the month',
      { start: nc('2027-03-01T00:00:00'), end: nc('2027-03-03T00:00:00') },
      'du 1er au 3 mars 2027',
    ],
    [
      'across two months',
      { start: nc('2027-02-28T00:00:00'), end: nc('2027-03-02T00:00:00') },
      'du 28 février au 2 mars 2027',
    ],
    [
      'across two years',
      { start: nc('2026-12-30T00:00:00'), end: nc('2027-01-01T00:00:00') },
      'du 30 décembre 2026 au 1er janvier 2027',
    ],
    [
      'several days with times',
      { start: nc('2027-03-12T09:00:00'), end: nc('2027-03-14T17:00:00') },
      'du 12 mars à 9\u00a0h au 14 mars 2027 à 17\u00a0h',
    ],
    [
      'a timed start, a whole last day',
      { start: nc('2027-03-12T18:00:00'), end: nc('2027-03-14T00:00:00') },
      'du 12 mars à 18\u00a0h au 14 mars 2027',
    ],
    [
      'an end before the start is ignored',
      { start: nc('2027-03-12T09:00:00'), end: nc('2027-03-11T09:00:00') },
      'le 12 mars 2027 à 9\u00a0h',
    ],
    // 13:00 UTC on 11 March is midnight on 12 March in Nouméa.
    [
      'UTC instants shown in Nouméa time',
      { start: '2027-03-11T13:00:00.000Z', end: '2027-03-13T13:00:00.000Z' },
      'du 12 au 14 mars 2027',
    ],
    ['Date objects (from the database)', { start: new Date('2027-03-11T22:00:00.000Z') }, 'le 12 mars 2027 à 9\u00a0h'],
    ['an invalid start', { start: 'bientôt' }, ''],
  ])('%s', (_, event, expected) => {
    expect(formatEventDates(event)).toBe(expected);
  });
});

describe('formatEventDates in English (widgets with lang="en")', () => {
  it.each<[EventDates, string]>([
    [{ start: nc('2027-03-12T00:00:00') }, '12 March 2027'],
    [{ start: nc('2027-03-12T09:00:00'), end: nc('2027-03-12T12:30:00') }, '12 March 2027, 09:00 to 12:30'],
    [{ start: nc('2027-03-01T00:00:00'), end: nc('2027-03-03T00:00:00') }, 'from 1 to 3 March 2027'],
    [
      { start: nc('2027-03-12T09:00:00'), end: nc('2027-04-14T17:00:00') },
      'from 12 March at 09:00 to 14 April 2027 at 17:00',
    ],
  ])('%j → %s', (event, expected) => {
    expect(formatEventDates(event, 'en')).toBe(expected);
  });
});
