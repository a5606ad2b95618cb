import { describe, expect, it } from 'vitest';
import { DERIVED_TITLE_MAX, deriveTitle } from '../../../connectors/text/index.js';

const graphemes = (text: string) => [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;

describe('deriveTitle', () => {
  it.each([
    ['Fermeture de la mairie lundi. Réouverture mardi.', 'Fermeture de la mairie lundi'],
    ['Le marché est ouvert ! Venez nombreux.', 'Le marché est ouvert !'],
    ['Qui veut un bac de compost ? Inscrivez-vous.', 'Qui veut un bac de compost ?'],
    ['Attendez la suite… elle arrive.', 'Attendez la suite…'],
    ['<p>Caf&eacute; &amp; th&eacute; offerts.</p><p>Suite</p>', 'Café & thé offerts'],
    ['Première ligne sans point\nDeuxième ligne.', 'Première ligne sans point'],
    ['<p><img src="a.jpg"></p><p>Texte après l’image.</p>', 'Texte après l’image'],
    ['M. Dupont et J. Martin inaugurent la salle. Suite.', 'M. Dupont et J. Martin inaugurent la salle'],
    ['Version 2.0 disponible. Suite.', 'Version 2.0 disponible'],
    ['https://t.co/xyz\nNouvelle piste cyclable à Païta https://t.co/abc', 'Nouvelle piste cyclable à Païta'],
    ['https://www.noumea.nc/actu', 'https://www.noumea.nc/actu'],
    ['Texte<script>alert(1)</script> sûr.', 'Texte sûr'],
  ])('%j → %j', (body, title) => {
    expect(deriveTitle(body)).toBe(title);
  });

  it('is empty when the body has no text at all', () => {
    expect(deriveTitle('')).toBe('');
    expect(deriveTitle('<p><img src="photo.jpg" alt=""></p>')).toBe('');
    expect(deriveTitle(' \n\t&nbsp; ')).toBe('');
  });

  it('cuts a very long first sentence at a word boundary near 90 characters, with « … »', () => {
    const sentence = `${'Le conseil municipal a voté le budget primitif de la commune '.repeat(3)}pour 2027. Suite.`;
    const title = deriveTitle(sentence);
    expect(title.endsWith('…')).toBe(true);
    expect(graphemes(title)).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
    expect(graphemes(title)).toBeGreaterThan(DERIVED_TITLE_MAX - 20);
    expect(sentence.startsWith(`${title.slice(0, -1)} `)).toBe(true);
  });

  it('cuts a text without punctuation the same way', () => {
    const text = 'mot '.repeat(60).trim();
    const title = deriveTitle(text);
    expect(title).toMatch(/^(mot )+mot…$/);
    expect(graphemes(title)).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
  });

  it('never splits an emoji, even in one long word', () => {
    const title = deriveTitle('👍🏽'.repeat(120));
    expect(title.endsWith('…')).toBe(true);
    expect(title.slice(0, -1)).toBe('👍🏽'.repeat(DERIVED_TITLE_MAX - 1));
    const spaced = deriveTitle(`${'Bravo 🎉 '.repeat(20)}fin`);
    expect(spaced).toMatch(/^(Bravo 🎉 )+Bravo…$|^(Bravo 🎉 )*Bravo 🎉…$/u);
  });
});
