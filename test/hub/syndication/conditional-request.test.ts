import { describe, expect, it } from 'vitest';
import { isNotModified } from '../../../hub/syndication/index.js';

const ETAG = '"abc123"';
const MODIFIED = new Date('2025-03-12T21:30:00.400Z');

describe('isNotModified', () => {
  it.each([
    ['no validators', {}, false],
    ['matching strong tag', { 'if-none-match': '"abc123"' }, true],
    ['matching weak tag (weak comparison)', { 'if-none-match': 'W/"abc123"' }, true],
    ['other tag', { 'if-none-match': '"zzz"' }, false],
    ['list containing the tag', { 'if-none-match': '"x", W/"y" ,"abc123"' }, true],
    ['list without the tag', { 'if-none-match': '"x", "y"' }, false],
    ['star', { 'if-none-match': '*' }, true],
    ['tag that only starts like ours', { 'if-none-match': '"abc1234"' }, false],
    ['unquoted tag is not a tag', { 'if-none-match': 'abc123' }, false],
    ['a comma inside a tag (etagc allows it)', { 'if-none-match': '"a,b"' }, false],
    ['repeated header as an array', { 'if-none-match': ['"x"', '"abc123"'] }, true],
    ['IMS equal to Last-Modified (second precision)', { 'if-modified-since': 'Wed, 12 Mar 2025 21:30:00 GMT' }, true],
    ['IMS later than Last-Modified', { 'if-modified-since': 'Thu, 13 Mar 2025 00:00:00 GMT' }, true],
    ['IMS earlier than Last-Modified', { 'if-modified-since': 'Wed, 12 Mar 2025 21:29:59 GMT' }, false],
    ['IMS in RFC 850 form', { 'if-modified-since': 'Wednesday, 12-Mar-25 21:30:00 GMT' }, true],
    ['IMS in asctime form', { 'if-modified-since': 'Wed Mar 12 21:30:00 2025' }, true],
    ['IMS not an HTTP-date is ignored', { 'if-modified-since': '2025-03-13' }, false],
    ['IMS garbage is ignored', { 'if-modified-since': 'hier' }, false],
    [
      'If-None-Match mismatch wins over a satisfied IMS (§13.2.2)',
      { 'if-none-match': '"old"', 'if-modified-since': 'Thu, 13 Mar 2025 00:00:00 GMT' },
      false,
    ],
    [
      'If-None-Match match wins over a failed IMS',
      { 'if-none-match': '"abc123"', 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' },
      true,
    ],
  ])('%s', (_name, headers, expected) => {
    expect(isNotModified(headers, ETAG, MODIFIED)).toBe(expected);
  });

  it('compares a weak ETag of ours weakly too', () => {
    expect(isNotModified({ 'if-none-match': '"abc123"' }, 'W/"abc123"')).toBe(true);
  });

  it('takes Last-Modified as an HTTP-date string', () => {
    expect(
      isNotModified({ 'if-modified-since': 'Wed, 12 Mar 2025 21:30:00 GMT' }, ETAG, 'Wed, 12 Mar 2025 21:30:00 GMT'),
    ).toBe(true);
  });

  it('ignores If-Modified-Since when there is no Last-Modified', () => {
    expect(isNotModified({ 'if-modified-since': 'Wed, 12 Mar 2025 21:30:00 GMT' }, ETAG)).toBe(false);
  });
});
