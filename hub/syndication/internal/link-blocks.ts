/**
 * An item's blocks of links (ItemInput.links: a DILA fiche's online services,
 * questions-answers…) as HTML after its content, so that feed readers keep what the
 * connector no longer flattens into the text.
 */
import type { ItemLinks } from '../../../schemas/index.js';
import { cleanLine, escapeHtmlText, toHttpUrl } from './text.js';

const BLOCKS: [keyof ItemLinks, string][] = [
  ['services', 'Services en ligne et formulaires'],
  ['questions', 'Questions-réponses'],
  ['seeAlso', 'Voir aussi'],
  ['moreInfo', 'Pour en savoir plus'],
  ['references', 'Textes de référence'],
];

/** The blocks as headed lists of links (empty string when there is none). */
export function renderLinkBlocks(links: ItemLinks | undefined): string {
  if (!links) return '';
  return BLOCKS.map(([key, title]) => {
    const items = (links[key] ?? []).flatMap((link) => {
      const url = toHttpUrl(link.url);
      if (!url) return [];
      const kind = link.kind ? ` (${escapeHtmlText(cleanLine(link.kind))})` : '';
      return [`<li><a href="${escapeHtmlText(url)}">${escapeHtmlText(cleanLine(link.title))}</a>${kind}</li>`];
    });
    return items.length ? `<h2>${title}</h2><ul>${items.join('')}</ul>` : '';
  }).join('');
}
