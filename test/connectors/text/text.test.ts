import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  htmlToText,
  removeInvisibleCharacters,
  slugify,
  truncateAtWord,
} from '../../../connectors/text/index.js';

describe('htmlToText', () => {
  it.each([
    ['Caf&eacute; &amp; th&eacute;', 'Café & thé'],
    ['<p>Un</p><p>Deux</p>', 'Un Deux'],
    ['A<br>B', 'A B'],
    ['  Espaces\n\t multiples&nbsp;ici ', 'Espaces multiples ici'],
    ['<b>Gras</b> et <i>italique</i>', 'Gras et italique'],
    ['Texte<script>alert(1)</script> sûr', 'Texte sûr'],
    ['1 &lt; 2 &gt; 0', '1 < 2 > 0'],
    ['L&#8217;école &#x2014; 2027', 'L’école — 2027'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('invisible characters', () => {
  it.each([
    ['Avis\u202E important', 'Avis important'], // right-to-left override
    ['\u202Atexte\u202C', 'texte'], // embedding and its pop
    ['\u2066isolat\u2069 \u2067x\u2068', 'isolat x'], // isolates
    ['a\u200Eb\u200Fc\u061Cd', 'abcd'], // direction marks
    ['Pré\u200Bfecture', 'Préfecture'], // zero-width space
    ['Nou\u200Cmé\u200Da', 'Nouméa'], // non-joiner, joiner
    ['\uFEFFMairie\u2060', 'Mairie'], // byte-order mark, word joiner
  ])('removeInvisibleCharacters(%j) → %j', (text, clean) => {
    expect(removeInvisibleCharacters(text)).toBe(clean);
  });

  it('leaves titles built by collapseWhitespace and htmlToText free of them', () => {
    expect(collapseWhitespace(' Fermeture\u202E de la\u00a0\u200B mairie ')).toBe('Fermeture de la mairie');
    expect(htmlToText('<b>Alerte</b>&#x202E; cyclone&#8203;')).toBe('Alerte cyclone');
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone', () => {
    expect(truncateAtWord('Court', 300)).toBe('Court');
  });

  it('cuts at a word and adds an ellipsis, within the limit', () => {
    const text = 'Les inscriptions pour la rentrée scolaire sont ouvertes jusqu’au quinze décembre';
    const cut = truncateAtWord(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe('Les inscriptions pour la rentrée…');
  });

  it('cuts a single overlong word where it must', () => {
    expect(truncateAtWord('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('slugify', () => {
  it.each([
    ['Santé & social', 'sante-social'],
    ['Papiers - Citoyenneté', 'papiers-citoyennete'],
    ['  Œuvres  d’art ', 'oeuvres-d-art'],
    ['***', ''],
  ])('%j → %j', (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });
});
