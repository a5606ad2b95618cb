import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../connectors/shared/index.js';

const text = 'Fête à Koné : « 4 € » l’entrée';

describe('decodeText', () => {
  it('uses the charset of the Content-Type', () => {
    expect(decodeText(iconv.encode(text, 'windows-1252'), 'text/xml; charset=windows-1252')).toBe(text);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do', () => {
    expect(decodeText(iconv.encode('€ ’', 'windows-1252'), 'text/xml; charset=ISO-8859-1')).toBe('€ ’');
  });

  it('reads the XML prolog when the header says nothing', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><t>Fête à Koné</t>`;
    expect(decodeText(iconv.encode(xml, 'latin1'), 'application/xml', { xml: true })).toBe(xml);
  });

  it('honours and strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>été</t>')]);
    expect(decodeText(bytes, 'text/xml; charset=iso-8859-1', { xml: true })).toBe('<t>été</t>');
  });

  it('falls back to windows-1252 when bytes said to be UTF-8 are not', () => {
    expect(decodeText(iconv.encode(text, 'windows-1252'), 'text/xml; charset=utf-8')).toBe(text);
  });

  it('defaults to UTF-8', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
  });
});
