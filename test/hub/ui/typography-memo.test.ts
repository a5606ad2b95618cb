/**
 * The French spacing of a text is computed once per text (issue 11: pages apply it to the
 * same labels on every request), and is the same text as the rules applied afresh.
 */
import { describe, expect, it } from 'vitest';
import { applyFrenchTypography } from '../../../hub/locale/index.js';
import { spaceFrench, typographyMemoSize } from '../../../hub/locale/typography.js';

describe('applyFrenchTypography, held per text', () => {
  it('gives what the rules give, and holds each text once', () => {
    const texts = [
      `Lieu : Koné ${Math.random()}`,
      `« Ma commune » ; vraiment ? Oui ! ${Math.random()}`,
      `Ouvert de 14:30 à 16:00 — https://www.koumac.nc/?q=a ${Math.random()}`,
    ];
    const before = typographyMemoSize();
    for (const text of texts) expect(applyFrenchTypography(text)).toBe(spaceFrench(text));
    expect(typographyMemoSize()).toBe(before + texts.length);
    // Asked again: the same result, nothing more held.
    for (const text of texts) expect(applyFrenchTypography(text)).toBe(spaceFrench(text));
    expect(typographyMemoSize()).toBe(before + texts.length);
  });

  it('stays bounded whatever the number of different texts', () => {
    for (let i = 0; i < 10_000; i += 1) applyFrenchTypography(`Titre ${i} : fin`);
    expect(typographyMemoSize()).toBeLessThanOrEqual(4096);
    expect(applyFrenchTypography('Titre 9999 : fin')).toBe('Titre 9999\u00a0: fin');
  });

  it('spaces a long text (a mail, a notification) afresh without holding it', () => {
    const long = `Bonjour : ${'votre demande a bien été reçue ; '.repeat(20)}${Math.random()}`;
    const before = typographyMemoSize();
    expect(applyFrenchTypography(long)).toBe(spaceFrench(long));
    expect(typographyMemoSize()).toBe(before);
  });
});
