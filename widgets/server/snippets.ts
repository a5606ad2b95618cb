/** The copy-paste snippets partners put on their sites (shown on the demo page and to admins). */
import { escapeHtml, renderAttributes, toOrigin } from './html.js';

export interface Snippets {
  script: string;
  news: string;
  search: string;
  article: string;
  iframe: string;
}

export interface SnippetPartner {
  id: string;
  name: string;
  allowedOrigins?: string[];
  website?: string;
}

/** Placeholder shown where the partner must write the id of one of its items. */
export const ITEM_PLACEHOLDER = 'IDENTIFIANT_DU_CONTENU';
const SITE_PLACEHOLDER = 'https://www.votre-site.nc';

/** Snippets for `partner` against the hub at `hubUrl` (item: an item id for the article). */
export function makeSnippets(hubUrl: string, partner?: SnippetPartner, item = ITEM_PLACEHOLDER): Snippets {
  const hub = hubUrl.replace(/\/$/, '');
  const partnerAttr: Record<string, string> = partner ? { partner: partner.id } : {};
  const origin = partner?.allowedOrigins?.[0] ?? toOrigin(partner?.website) ?? SITE_PLACEHOLDER;
  const frameQuery = new URLSearchParams({ ...partnerAttr, origin, id: 'passerelle-actualites' }).toString();
  const title = `Actualités${partner ? ` — ${partner.name}` : ''}`;
  return {
    script: `<script src="${hub}/widgets/v1/embed.js" defer></script>`,
    news: `<passerelle-news${renderAttributes({ ...partnerAttr, limit: '5' })}></passerelle-news>`,
    search: `<passerelle-search${renderAttributes(partnerAttr)}></passerelle-search>`,
    article: `<passerelle-article${renderAttributes({ item })}></passerelle-article>`,
    iframe: [
      `<iframe src="${escapeHtml(`${hub}/widgets/v1/frame/news?${frameQuery}`)}" title="${escapeHtml(title)}" loading="lazy" style="width:100%;height:600px;border:0"></iframe>`,
      `<script src="${hub}/widgets/v1/frame.js" async></script>`,
    ].join('\n'),
  };
}
