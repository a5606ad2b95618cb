import { describe, expect, it } from 'vitest';
import { decodeEntities, splitLinks, splitMarks, toSafeUrl } from '../../../widgets/src/text.js';

describe('toSafeUrl', () => {
  it.each([
    ['https://noumea.nc/actu?id=1', 'https://noumea.nc/actu?id=1'],
    ['http://province-sud.nc', 'http://province-sud.nc/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['/relative/path', undefined],
    ['ftp://files.nc/x', undefined],
    [42, undefined],
  ])('%s → %s', (input, expected) => {
    expect(toSafeUrl(input)).toBe(expected);
  });
});

describe('splitLinks', () => {
  it.each([
    ['pas de lien', [{ text: 'pas de lien' }]],
    [
      'Voir https://gouv.nc/aide.',
      [{ text: 'Voir ' }, { text: 'https://gouv.nc/aide', href: 'https://gouv.nc/aide' }, { text: '.' }],
    ],
    [
      '(http://a.nc) et https://b.nc/x?y=1',
      [
        { text: '(' },
        { text: 'http://a.nc', href: 'http://a.nc/' },
        { text: ') et ' },
        { text: 'https://b.nc/x?y=1', href: 'https://b.nc/x?y=1' },
      ],
    ],
    ['javascript:alert(1) reste du texte', [{ text: 'javascript:alert(1) reste du texte' }]],
    [
      '<a href="https://x.nc">lien</a>',
      [{ text: '<a href="' }, { text: 'https://x.nc', href: 'https://x.nc/' }, { text: '">lien</a>' }],
    ],
  ])('%s', (input, expected) => {
    expect(splitLinks(input)).toEqual(expected);
    expect(
      splitLinks(input)
        .map((s) => s.text)
        .join(''),
    ).toBe(input);
  });
});

describe('splitMarks', () => {
  it.each([
    [
      'Le <mark>permis</mark> de conduire',
      [
        { text: 'Le ', mark: false },
        { text: 'permis', mark: true },
        { text: ' de conduire', mark: false },
      ],
    ],
    [
      '&lt;b&gt; &amp; <mark>caf&eacute;</mark>',
      [
        { text: '<b> & ', mark: false },
        { text: 'caf&eacute;', mark: true },
      ],
    ],
    ['<img src=x onerror=alert(1)>texte', [{ text: 'texte', mark: false }]],
    [
      '<MARK>A</MARK>&#39;&#x41;',
      [
        { text: 'A', mark: true },
        { text: "'A", mark: false },
      ],
    ],
  ])('%s', (input, expected) => {
    expect(splitMarks(input)).toEqual(expected);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('&quot;a&quot; &#233;t&#xE9; &unknown; &#0;')).toBe('"a" été &unknown; &#0;');
  });
});
