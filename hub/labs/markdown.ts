/**
 * The lab's document: Markdown (markdown-it) rendered to HTML and passed through the same
 * allow-list sanitizer as ingested partner content. Raw HTML in the Markdown is not
 * interpreted (html: false, it shows as text), and the sanitizer removes what a link or
 * an image could still carry (javascript:, event handlers). Headings make sections,
 * like a fiche: what it is, who can, how to, who can help.
 */
import MarkdownIt from 'markdown-it';
import { sanitizeContent } from '../../connectors/index.js';
import { htmlToText, slugify, truncateAtWord } from '../../connectors/text/index.js';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

/** The slug of the text before the first heading. */
export const INTRO_SECTION = 'introduction';

/** One section of the document: its anchor, its heading and its sanitized HTML. */
export interface Section {
  slug: string;
  title: string;
  html: string;
}

export interface RenderedDocument {
  /** The whole document, sanitized: the published item's content. */
  html: string;
  sections: Section[];
  /** Plain text of the first paragraph, for the item's summary. */
  summary: string;
}

/** True for the tokens that open a section: headings of level 1 and 2 at the top level. */
function opensSection(token: Token): boolean {
  return token.type === 'heading_open' && token.level === 0 && (token.tag === 'h1' || token.tag === 'h2');
}

function uniqueSlug(title: string, used: Set<string>): string {
  const base = slugify(title) || 'section';
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

/** Renders and sanitizes the Markdown, cut into sections at its headings. */
export function renderDocument(markdown: string): RenderedDocument {
  const tokens = md.parse(markdown, {});
  const sections: Section[] = [];
  const used = new Set<string>([INTRO_SECTION]);
  let start = 0;
  let current = { slug: INTRO_SECTION, title: 'Introduction' };
  const close = (end: number) => {
    if (end <= start) return;
    const html = sanitizeContent(md.renderer.render(tokens.slice(start, end), md.options, {}));
    if (html || current.slug !== INTRO_SECTION) sections.push({ ...current, html });
  };
  tokens.forEach((token, i) => {
    if (!opensSection(token)) return;
    close(i);
    const title = htmlToText(md.renderInline(tokens[i + 1]?.content ?? '')) || 'Sans titre';
    current = { slug: uniqueSlug(title, used), title };
    start = i;
  });
  close(tokens.length);
  const html = sanitizeContent(md.render(markdown));
  const firstParagraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return { html, sections, summary: truncateAtWord(htmlToText(firstParagraph), 300) };
}

/** The section slugs of a document (what comments may be anchored to). */
export function listSectionSlugs(markdown: string): string[] {
  return renderDocument(markdown).sections.map((s) => s.slug);
}
