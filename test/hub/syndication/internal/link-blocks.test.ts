import { describe, expect, it } from 'vitest';
import { renderLinkBlocks } from '../../../../hub/syndication/internal/link-blocks.js';

describe('renderLinkBlocks', () => {
  it('writes each block as a heading and a list of escaped links, in the fiche order', () => {
    const html = renderLinkBlocks({
      questions: [{ title: 'Peut-on <tout> faire ?', url: 'https://www.service-public.fr/particuliers/vosdroits/F1' }],
      services: [{ title: 'Pré-demande', url: 'https://ants.gouv.fr/a?b=1&c="2"', kind: 'Téléservice' }],
    });
    expect(html).toBe(
      '<h2>Services en ligne et formulaires</h2><ul><li><a href="https://ants.gouv.fr/a?b=1&amp;c=%222%22">Pré-demande</a> (Téléservice)</li></ul>' +
        '<h2>Questions-réponses</h2><ul><li><a href="https://www.service-public.fr/particuliers/vosdroits/F1">Peut-on &lt;tout&gt; faire ?</a></li></ul>',
    );
  });

  it('writes nothing without links, and drops an address that is not http(s)', () => {
    expect(renderLinkBlocks(undefined)).toBe('');
    expect(renderLinkBlocks({ seeAlso: [{ title: 'x', url: 'javascript:alert(1)' }] })).toBe('');
  });
});
