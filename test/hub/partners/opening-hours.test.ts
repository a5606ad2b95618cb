/** Opening hours in OpenStreetMap syntax, read in Nouméa time whatever the process's zone. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkOpeningHours, describeOpeningWeek, evaluateOpeningHours } from '../../../hub/partners/index.js';

const TOWN_HALL = 'Mo-Fr 07:30-11:30,12:15-16:00; Sa 08:00-11:00';
/** A Nouméa wall-clock time (UTC+11, no daylight saving) as an instant. */
const noumea = (local: string) => new Date(`${local}+11:00`);
const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
});

describe('opening hours', () => {
  it.each([
    ['lundi 7 h 29', '2026-11-30T07:29', false],
    ['lundi 7 h 30', '2026-11-30T07:30', true],
    ['lundi midi (pause)', '2026-11-30T12:00', false],
    ['lundi 15 h 59', '2026-11-30T15:59', true],
    ['vendredi 16 h', '2026-12-04T16:00', false],
    ['samedi 10 h', '2026-12-05T10:00', true],
    ['dimanche 10 h', '2026-12-06T10:00', false],
  ])('%s à Nouméa : %s', (_label, local, open) => {
    expect(evaluateOpeningHours(TOWN_HALL, noumea(local)).open).toBe(open);
  });

  it('gives the same answer whatever the time zone of the process', () => {
    // 8 h on a Monday in Nouméa is Sunday 22 h in Paris and 21 h UTC.
    const at = noumea('2026-11-30T08:00');
    for (const tz of ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Pacific/Noumea']) {
      process.env.TZ = tz;
      expect(evaluateOpeningHours(TOWN_HALL, at).open, tz).toBe(true);
    }
  });

  it('says when it next opens or closes', () => {
    expect(evaluateOpeningHours(TOWN_HALL, noumea('2026-11-30T12:00')).nextChange?.toISOString()).toBe(
      noumea('2026-11-30T12:15').toISOString(),
    );
    expect(evaluateOpeningHours(TOWN_HALL, noumea('2026-12-05T12:00')).nextChange?.toISOString()).toBe(
      noumea('2026-12-07T07:30').toISOString(),
    );
  });

  it("lists the week's intervals, Monday first, in French clock style", () => {
    const week = describeOpeningWeek(TOWN_HALL, noumea('2026-12-02T09:00'));
    expect(week.map((d) => d.day)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
    expect(week[0]?.intervals).toEqual([
      { from: '7\u00a0h\u00a030', to: '11\u00a0h\u00a030' },
      { from: '12\u00a0h\u00a015', to: '16\u00a0h' },
    ]);
    expect(week[5]?.intervals).toEqual([{ from: '8\u00a0h', to: '11\u00a0h' }]);
    expect(week[6]?.intervals).toEqual([]);
  });

  it('keeps the comment of a rule (« sur rendez-vous ») and makes no claim then', () => {
    expect(evaluateOpeningHours('Mo-Fr 08:00-12:00 "sur rendez-vous"', noumea('2026-11-30T09:00'))).toMatchObject({
      unknown: true,
      comment: 'sur rendez-vous',
    });
  });

  it('refuses what it cannot read, in French, and public holidays it does not know for New Caledonia', () => {
    expect(checkOpeningHours(TOWN_HALL)).toBeUndefined();
    expect(checkOpeningHours('24/7')).toBeUndefined();
    expect(checkOpeningHours('lundi 8h')).toMatch(/^horaires illisibles .*Mo/);
    expect(checkOpeningHours('lundi 08:00-12:00')).toMatch(/^horaires à corriger .*Mo/);
    expect(checkOpeningHours('Mo-Fr 08:00-12:00; PH off')).toMatch(/jours fériés/);
  });
});
