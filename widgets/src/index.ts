/**
 * embed.js: defines <passerelle-news>, <passerelle-search> and <passerelle-article>
 * (<passerelle-wish> is wish.js, bundled on its own).
 * Bundled as an IIFE, so the custom elements are the only names it adds to the page.
 */
import { ArticleElement } from './article.js';
import { startFrameResize } from './frame-child.js';
import { NewsElement } from './news.js';
import { readScriptConfig } from './script-config.js';
import { SearchElement } from './search.js';
import { setScriptConfig } from './widget-element.js';

const config = readScriptConfig();
setScriptConfig(config);

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['passerelle-news', NewsElement],
  ['passerelle-search', SearchElement],
  ['passerelle-article', ArticleElement],
];
// A page that includes the script twice keeps the first definitions.
for (const [name, element] of ELEMENTS) if (!customElements.get(name)) customElements.define(name, element);

startFrameResize(config);
