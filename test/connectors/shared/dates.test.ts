import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../connectors/index.js';

describe('parseDate', () => {
  it.each([
    // RFC 822 / 1123 / 2822
    ['Sun, 29 Nov 2026 14:30:00 +1100', '2026-11-29T03:30:00.000Z'],
    ['Sun, 29 Nov 2026 14:30:00 GMT', '2026-11-29T14:30:00.000Z'],
    ['29 Nov 2026 14:30 EST', '2026-11-29T19:30:00.000Z'],
    ['Sun, 29 Nov 26 14:30:00 +0000', '2026-11-29T14:30:00.000Z'],
    ['Sun, 29 Nov 2026 14:30:00', '2026-11-29T03:30:00.000Z'],
    ['lun., 30 nov. 2026 08:00:00 +1100', '2026-11-29T21:00:00.000Z'],
    // RFC 3339 / ISO 8601
    ['2026-11-29T14:30:00Z', '2026-11-29T14:30:00.000Z'],
    ['2026-11-29T14:30:00.250+11:00', '2026-11-29T03:30:00.250Z'],
    ['2026-11-29T14:30:00+0100', '2026-11-29T13:30:00.000Z'],
    ['2026-11-29T14:30:00', '2026-11-29T03:30:00.000Z'],
    ['2026-11-29 14:30', '2026-11-29T03:30:00.000Z'],
    ['2026-11-29', '2026-11-28T13:00:00.000Z'],
    // French
    ['29/11/2026', '2026-11-28T13:00:00.000Z'],
    ['29/11/2026 14:30', '2026-11-29T03:30:00.000Z'],
    ['29/11/2026 à 14h30', '2026-11-29T03:30:00.000Z'],
    ['29.11.2026 9h', '2026-11-28T22:00:00.000Z'],
    ['29 novembre 2026', '2026-11-28T13:00:00.000Z'],
    ['lundi 29 novembre 2026 à 14h30', '2026-11-29T03:30:00.000Z'],
    ['Mardi 1er décembre 2026', '2026-11-30T13:00:00.000Z'],
    ['15 août 2027 à 18 h', '2027-08-15T07:00:00.000Z'],
    ['3 fevr. 2027', '2027-02-02T13:00:00.000Z'],
    // epoch, as JSON APIs send it
    ['1795919400', '2026-11-29T02:30:00.000Z'],
    [1795919400000, '2026-11-29T02:30:00.000Z'],
    // not dates
    ['31/02/2026', undefined],
    ['2026-13-01', undefined],
    ['29/11/2026 25:00', undefined],
    ['bientôt', undefined],
    ['', undefined],
    [undefined, undefined],
    [{ date: '2026-11-29' }, undefined],
    ['Sun, 29 Nov 2026 14:30:00 XYZ', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    [['yyyy/MM/dd HH:mm'], '2026/12/05 09:00', '2026-12-04T22:00:00.000Z'],
    [["dd-MM-yyyy HH'h'mm"], '05-12-2026 09h05', '2026-12-04T22:05:00.000Z'],
    [["yyyyMMdd'T'HHmmXX"], '20261205T0900+1100', '2026-12-04T22:00:00.000Z'],
    [['EEEE d MMMM yyyy'], 'samedi 5 décembre 2026', '2026-12-04T13:00:00.000Z'],
    [['MM/dd/yyyy hh:mm a'], '12/05/2026 02:30 PM', '2026-12-05T03:30:00.000Z'],
    [['MM/dd/yyyy'], '02/30/2026', undefined],
    [['d MMM yyyy'], '5 dec 2026', '2026-12-04T13:00:00.000Z'],
    [['d MMM yyyy'], '5 déc. 2026', '2026-12-04T13:00:00.000Z'],
    [['EEEE d MMMM yyyy'], 'SAMEDI 5 DÉCEMBRE 2026', '2026-12-04T13:00:00.000Z'],
    [['dd/MM/yyyy HH:mm XXX'], '05/12/2026 09:00 +10:00', '2026-12-04T23:00:00.000Z'],
    [["dd/MM/yyyy 'à' HH:mm"], '05/12/2026 à 09:00', '2026-12-04T22:00:00.000Z'],
    [['yyyy-MM-dd'], '1850-01-01', undefined],
  ])('a source pattern %j reads %s', (formats, input, expected) => {
    expect(parseDate(input, { formats })).toBe(expected);
  });

  it('tries source patterns before the standard forms (dd/MM versus MM/dd)', () => {
    expect(parseDate('05/12/2026')).toBe('2026-12-04T13:00:00.000Z');
    expect(parseDate('05/12/2026', { formats: ['MM/dd/yyyy'] })).toBe('2026-05-11T13:00:00.000Z');
  });
});
