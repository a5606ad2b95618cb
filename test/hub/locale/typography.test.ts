import { describe, expect, it } from 'vitest';
import { applyFrenchTypography, capitalizeFirst } from '../../../hub/locale/index.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('applyFrenchTypography', () => {
  it.each([
    ['Lieu : Koné', `Lieu${NBSP}: Koné`],
    ['Lieu: Koné', `Lieu${NBSP}: Koné`],
    ['Attention !', `Attention${NNBSP}!`],
    ['Vraiment?', `Vraiment${NNBSP}?`],
    ['Quoi ?!', `Quoi${NNBSP}?!`],
    ['un ; deux', `un${NNBSP}; deux`],
    ['« Ma commune »', `«${NNBSP}Ma commune${NNBSP}»`],
    ['«Ma commune»', `«${NNBSP}Ma commune${NNBSP}»`],
    ['Ouvert de 14:30 à 16:00', 'Ouvert de 14:30 à 16:00'],
    ['https://www.noumea.nc/?q=a', 'https://www.noumea.nc/?q=a'],
    ['Texte : fin.', `Texte${NBSP}: fin.`],
  ])('%j', (text, expected) => {
    expect(applyFrenchTypography(text)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = applyFrenchTypography('Lieu : « Salle » ; vraiment ? Oui !');
    expect(applyFrenchTypography(once)).toBe(once);
  });

  it('capitalizes the first letter', () => {
    expect(capitalizeFirst('du 12 au 14 mars')).toBe('Du 12 au 14 mars');
    expect(capitalizeFirst('éte')).toBe('Éte');
    expect(capitalizeFirst('')).toBe('');
  });
});
