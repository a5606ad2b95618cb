import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../hub/labs/markdown.js';

describe('renderDocument', () => {
  it('cuts the document into sections at its headings, with unique French slugs', () => {
    const doc = renderDocument(
      "Ce qu'il faut savoir.\n\n## Qui peut faire la démarche ?\n\nTout le monde.\n\n## Qui peut faire la démarche ?\n\nBis.\n\n### Détail\n\nSous-partie.",
    );
    expect(doc.sections.map((s) => [s.slug, s.title])).toEqual([
      ['introduction', 'Introduction'],
      ['qui-peut-faire-la-demarche', 'Qui peut faire la démarche ?'],
      ['qui-peut-faire-la-demarche-2', 'Qui peut faire la démarche ?'],
    ]);
    expect(doc.sections[2]?.html).toContain('<h3>Détail</h3>');
    expect(doc.summary).toBe("Ce qu'il faut savoir.");
  });

  it('starts with the first heading when there is no introduction, and turns h1 into h2', () => {
    const doc = renderDocument('# Titre\n\nTexte.');
    expect(doc.sections.map((s) => s.slug)).toEqual(['titre']);
    expect(doc.html).toBe('<h2>Titre</h2>\n<p>Texte.</p>');
  });

  it('keeps raw HTML as text and drops dangerous links and images', () => {
    const doc = renderDocument('<b onclick="x()">gras</b> [a](javascript:alert(1)) ![i](data:image/png;base64,AAAA)');
    expect(doc.html).toContain('&lt;b onclick="x()"&gt;gras&lt;/b&gt;');
    expect(doc.html).not.toMatch(/<a |<img/);
  });
});
