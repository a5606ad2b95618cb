import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, toLocalParts } from '../../../hub/locale/index.js';

describe('dates in Nouméa time', () => {
  it.each([
    // 14:30 UTC on 31 December is already 1 January in Nouméa (UTC+11).
    ['2024-12-31T14:30:00Z', 'fr', '1er janvier 2025', '1er janvier 2025 à 1\u00a0h\u00a030'],
    ['2027-03-12T09:00:00+11:00', 'fr', '12 mars 2027', '12 mars 2027 à 9\u00a0h'],
    ['2027-08-15T12:05:00Z', 'fr', '15 août 2027', '15 août 2027 à 23\u00a0h\u00a005'],
    ['2024-12-31T14:30:00Z', 'en', '1 January 2025', '1 January 2025 at 01:30'],
  ] as const)('%s in %s', (iso, lang, date, dateTime) => {
    expect(formatDate(iso, lang)).toBe(date);
    expect(formatDateTime(iso, lang)).toBe(dateTime);
  });

  it('reads midnight as hour 0', () => {
    expect(toLocalParts('2027-03-11T13:00:00Z')).toEqual({ year: 2027, month: 3, day: 12, hour: 0, minute: 0 });
  });

  it('gives an empty text for a missing or invalid date', () => {
    for (const value of [undefined, null, '', 'hier']) {
      expect(formatDate(value)).toBe('');
      expect(formatDateTime(value)).toBe('');
    }
  });
});
