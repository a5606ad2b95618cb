import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderJsonFeed, renderRss } from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItem } from '../../fixtures/syndication/sample-feed.js';
import { expectWellFormedXml } from './well-formed-xml.js';

// Every character XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates), mixed with
// markup, entities, quotes, CDATA terminators, emoji and an astral letter.
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800';
const HOSTILE_TITLE = `Tom & Jerry <script>alert("x")</script> l'été ]]> puis ]]> &amp; &lt; 🦎 𝔘${FORBIDDEN} fin`;
const CLEAN_TITLE = `Tom & Jerry <script>alert("x")</script> l'été ]]> puis ]]> &amp; &lt; 🦎 𝔘 fin`;
const HOSTILE_CONTENT = '<p>a ]]> b ]]> c &amp; d</p><p>🦎\u0007</p>';

const hostileItem = sampleItem({
  id: 'hostile-0001',
  url: 'https://exemple.nc/a?x=1&y="2"&z=<3>',
  title: HOSTILE_TITLE,
  summary: `Résumé <b>gras</b> & ]]>${FORBIDDEN}`,
  content: HOSTILE_CONTENT,
  topics: ['emploi'],
  categories: ['A & B', 'x < y', 'guillemets "doubles"', `bip${FORBIDDEN}`],
  author: 'Dupont & fils <rédaction>',
  publishedAt: '2025-03-01T00:00:00.000Z',
  image: { url: 'https://exemple.nc/i.png', alt: 'alt "avec" <b> & ]]>' },
});
const input = () => sampleFeed({ items: [hostileItem] });
const parser = new Parser();

describe('hostile text', () => {
  it('RSS stays well-formed and gives the text back (forbidden characters stripped)', async () => {
    const xml = renderRss(input());
    expectWellFormedXml(xml);
    const [item] = (await parser.parseString(xml)).items;
    expect(item?.title).toBe(CLEAN_TITLE);
    expect(item?.link).toBe('https://exemple.nc/a?x=1&y=%222%22&z=%3C3%3E');
    expect(item?.categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _: 'x < y' }),
        expect.objectContaining({ _: 'guillemets "doubles"' }),
        expect.objectContaining({ _: 'bip' }),
      ]),
    );
    // The summary is plain text escaped into HTML, so readers show it as written.
    expect(item?.content).toBe('Résumé &lt;b&gt;gras&lt;/b&gt; &amp; ]]&gt;');
    expect((item as Record<string, unknown>)['content:encoded']).toBe('<p>a ]]> b ]]> c &amp; d</p><p>🦎</p>');
  });

  it('Atom stays well-formed and gives the text back', async () => {
    const xml = renderAtom(input());
    expectWellFormedXml(xml);
    const [item] = (await parser.parseString(xml)).items;
    expect(item?.title).toBe(CLEAN_TITLE);
    expect(item?.summary).toBe(`Résumé <b>gras</b> & ]]>`);
    expect(item?.content).toBe('<p>a ]]> b ]]> c &amp; d</p><p>🦎</p>');
    expect(item?.author).toBe('Province Sud');
    expect(xml).toContain('<name>Dupont &amp; fils &lt;rédaction&gt;</name>');
    expect(xml).toContain('title="alt &quot;avec&quot; &lt;b&gt; &amp; ]]&gt;"');
  });

  it('JSON Feed carries the same cleaned text', () => {
    const feed = JSON.parse(renderJsonFeed(input())) as {
      items: { title: string; content_html: string; tags: string[] }[];
    };
    expect(feed.items[0]?.title).toBe(CLEAN_TITLE);
    expect(feed.items[0]?.content_html).toBe('<p>a ]]> b ]]> c &amp; d</p><p>🦎</p>');
    expect(feed.items[0]?.tags).toEqual(['emploi', 'A & B', 'x < y', 'guillemets "doubles"', 'bip']);
  });

  it('escapes hostile feed metadata and partner names too', async () => {
    const feed = sampleFeed({
      items: [hostileItem],
      meta: { title: `Flux <b> & "co"${FORBIDDEN}`, description: 'a ]]> b', language: 'fr' },
    });
    const partners = new Map([
      ['province-sud', { id: 'province-sud', name: 'Province <Sud> & "co"', website: 'https://ps.nc/?a=1&b=2' }],
    ]);
    for (const xml of [renderRss({ ...feed, partners }), renderAtom({ ...feed, partners })]) {
      expectWellFormedXml(xml);
      const parsed = await parser.parseString(xml);
      expect(parsed.title).toBe('Flux <b> & "co"');
      expect(xml).toContain('Province &lt;Sud&gt; &amp; &quot;co&quot;');
    }
  });
});
