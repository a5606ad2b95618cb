/** Snippets: short, around the matches, <mark>ed, and safe HTML whatever the text holds. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, escapeHtml, searchItems, type IndexableItem } from '../../../hub/search/index.js';

function item(id: string, fields: Partial<IndexableItem>): IndexableItem {
  return {
    id,
    partnerId: 'p',
    url: `https://x.nc/${id}`,
    title: id,
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    publishedAt: '2024-01-01T00:00:00Z',
    ...fields,
  };
}

const filler = 'Les démarches administratives se font en ligne ou au guichet de la mairie. ';

const index = buildSearchIndex(
  [
    item('xss', { title: 'Alerte', summary: 'Attention <script>alert("x")</script> & "cyclone" <b>fort</b>' }),
    item('far', {
      title: 'Dossier',
      summary: 'Un résumé sans rapport.',
      content: `<p>${filler.repeat(3)}Le <strong>passeport</strong> biométrique est délivré en mairie. ${filler.repeat(4)}</p>`,
    }),
    item('many', {
      title: 'Texte',
      summary: `${filler.repeat(3)}Vaccination : la vaccination des enfants. ${filler.repeat(3)}`,
    }),
    item('plain', { title: 'Sans requête', summary: filler.repeat(6) }),
  ],
  {},
);

const snippetOf = (q: string, id: string) =>
  searchItems(index, { q, limit: 10 }).items.find((h) => h.id === id)!.snippet;

describe('snippets', () => {
  it('escapes everything but its own <mark> tags', () => {
    const snippet = snippetOf('cyclone', 'xss');
    expect(snippet).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;<mark>cyclone</mark>&quot; &lt;b&gt;fort&lt;/b&gt;',
    );
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('falls back to the content excerpt when the summary has no match, with ellipses', () => {
    // The excerpt kept in memory is the first 400 characters of the content.
    const snippet = snippetOf('passeport', 'far');
    expect(snippet).toContain('<mark>passeport</mark>');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(205);
  });

  it('marks every inflection sharing the stem, whatever the accents', () => {
    const snippet = snippetOf('VACCINER', 'many');
    expect(snippet.match(/<mark>/g)).toHaveLength(2);
    expect(snippet).toContain('<mark>Vaccination</mark>');
  });

  it('starts at the beginning without a query', () => {
    const hit = searchItems(index, { limit: 10 }).items.find((h) => h.id === 'plain')!;
    expect(hit.snippet.startsWith('Les démarches')).toBe(true);
    expect(hit.snippet).not.toContain('<mark>');
    expect(hit.snippet.endsWith('…')).toBe(true);
  });

  it('escapeHtml escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
