import { describe, expect, it } from 'vitest';
import { sanitizeContent } from '../../../connectors/index.js';

const BASE = 'https://www.province-sud.nc/actualites/rentree';

describe('sanitizeContent', () => {
  it.each([
    ['<p>Texte <strong>gras</strong> <em>penché</em></p>', '<p>Texte <strong>gras</strong> <em>penché</em></p>'],
    [
      '<a href="/education">lien</a>',
      '<a href="https://www.province-sud.nc/education" rel="noopener noreferrer">lien</a>',
    ],
    [
      '<a href="inscriptions?x=1">lien</a>',
      '<a href="https://www.province-sud.nc/actualites/inscriptions?x=1" rel="noopener noreferrer">lien</a>',
    ],
    ['<img src="../img/a.jpg" alt="Élèves">', '<img src="https://www.province-sud.nc/img/a.jpg" alt="Élèves" />'],
    ['<a href="mailto:contact@province-sud.nc">écrire</a>', '<a href="mailto:contact@province-sud.nc">écrire</a>'],
    [
      '<a href="https://x.nc" target="_blank" rel="opener">x</a>',
      '<a href="https://x.nc/" rel="noopener noreferrer">x</a>',
    ],
    ['<h1>Titre</h1>', '<h2>Titre</h2>'],
    ['<p class="lead" id="x">Chapô</p>', '<p>Chapô</p>'],
    ['<table><tr><td colspan="2" onclick="x()">a</td></tr></table>', '<table><tr><td colspan="2">a</td></tr></table>'],
    ['<custom-tag>garde le texte</custom-tag>', 'garde le texte'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeContent(input, BASE)).toBe(output);
  });

  it('drops relative URLs when there is no base to resolve them', () => {
    expect(sanitizeContent('<a href="/x">lien</a><img src="/y.jpg">')).toBe('<a>lien</a>');
  });
});
