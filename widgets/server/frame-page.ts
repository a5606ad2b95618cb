/** The HTML of a widget iframe: one element, embed.js, and the frame's resize settings. */
import { escapeHtml, renderAttributes } from './html.js';

export type FrameKind = 'news' | 'search' | 'article';

export const FRAME_ELEMENTS: Record<FrameKind, string> = {
  news: 'passerelle-news',
  search: 'passerelle-search',
  article: 'passerelle-article',
};

const TITLES: Record<'fr' | 'en', Record<FrameKind, string>> = {
  fr: { news: 'Actualités', search: 'Recherche', article: 'Article et commentaires' },
  en: { news: 'News', search: 'Search', article: 'Article and comments' },
};

export interface FramePage {
  kind: FrameKind;
  lang: 'fr' | 'en';
  partnerName?: string;
  /** Attributes of the widget element (already validated). */
  attributes: Record<string, string | undefined>;
  /** The checked embedding origin the height is posted to; no resizing without it. */
  frameOrigin?: string;
  frameId?: string;
}

/** Renders the page; links open in the embedding page (base target _top). */
export function renderFramePage(page: FramePage): string {
  const element = FRAME_ELEMENTS[page.kind];
  const title = TITLES[page.lang][page.kind] + (page.partnerName ? ` — ${page.partnerName}` : '');
  const script = renderAttributes({
    src: '/widgets/v1/embed.js',
    'data-frame-origin': page.frameOrigin,
    'data-frame-id': page.frameOrigin ? page.frameId : undefined,
  });
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<base target="_top">
</head>
<body>
<main>
<${element}${renderAttributes({ ...page.attributes, lang: page.lang })}></${element}>
</main>
<script${script}></script>
</body>
</html>
`;
}
