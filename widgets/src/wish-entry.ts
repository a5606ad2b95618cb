/**
 * wish.js: defines <passerelle-wish> only. Bundled apart from embed.js so that the news,
 * search and article widgets stay within their size budget; a page that proposes content
 * loads this one too.
 */
import { readScriptConfig } from './script-config.js';
import { setScriptConfig } from './widget-element.js';
import { WishElement } from './wish.js';

setScriptConfig(readScriptConfig());
if (!customElements.get('passerelle-wish')) customElements.define('passerelle-wish', WishElement);
