import { describe, expect, it } from 'vitest';
import { prepareContent } from '../../../portal/content/prepare-content.js';

describe('prepareContent', () => {
  it('renumbers headings from h2 without skipping a level, and lists h2 and h3 for the table of contents', () => {
    const { html, toc } = prepareContent(
      '<h3>Un</h3><p>a</p><h5>Un-un</h5><h6>détail</h6><h3>Deux</h3><h4>Deux-un</h4>',
    );
    expect(html).toBe(
      '<h2 id="section-1">Un</h2><p>a</p><h3 id="section-2">Un-un</h3><h4>détail</h4><h2 id="section-3">Deux</h2><h3 id="section-4">Deux-un</h3>',
    );
    expect(toc).toEqual([
      { id: 'section-1', title: 'Un', children: [{ id: 'section-2', title: 'Un-un', children: [] }] },
      { id: 'section-3', title: 'Deux', children: [{ id: 'section-4', title: 'Deux-un', children: [] }] },
    ]);
  });

  it('leaves out images (on partners’ servers) and the paragraph or link that held only one', () => {
    const out = prepareContent(
      '<p><img src="https://x.nc/a.png" alt="A"></p><p>Texte <img src="https://x.nc/b.png"> suite</p><p><a href="https://x.nc"><img src="https://x.nc/c.png"></a></p>',
    );
    expect(out.html).toBe('<p>Texte  suite</p>');
    expect(out.imagesLeftOut).toBe(3);
  });

  it('wraps tables in a focusable, labelled scrolling region', () => {
    const { html } = prepareContent(
      '<table><caption>Tarifs</caption><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>',
    );
    expect(html).toBe(
      '<section class="pl-table-scroll" tabindex="0" aria-label="Tableau : Tarifs"><table><caption>Tarifs</caption><tr><td>1</td></tr></table></section>' +
        '<section class="pl-table-scroll" tabindex="0" aria-label="Tableau 2"><table><tr><td>2</td></tr></table></section>',
    );
  });

  it('removes ids a partner gave (they could collide with the page’s), keeps text escaped and UTF-8', () => {
    const { html } = prepareContent(
      '<p id="contenu">a &amp; b &lt;script&gt; é « x »</p><a href="https://x.nc/?a=1&amp;b=&quot;2&quot;">lien</a>',
    );
    expect(html).toBe(
      '<p>a &amp; b &lt;script&gt; é « x »</p><a href="https://x.nc/?a=1&amp;b=&quot;2&quot;">lien</a>',
    );
  });

  it('gives an empty table of contents to a text without headings', () => {
    expect(prepareContent('<p>Seul paragraphe.</p>')).toEqual({
      html: '<p>Seul paragraphe.</p>',
      toc: [],
      imagesLeftOut: 0,
    });
  });

  it('turns a partner’s notes (aside) into notes of the text, not landmarks of the page', () => {
    expect(
      prepareContent('<aside id="x" role="note"><p><strong>À noter</strong></p><p>Gratuit.</p></aside>').html,
    ).toBe('<div class="pl-note"><p><strong>À noter</strong></p><p>Gratuit.</p></div>');
  });
});
