/**
 * Partner content (HTML sanitized at ingestion) made ready for an item page:
 * - headings renumbered so that they start at h2 under the page's h1 and never skip a
 *   level (partners' pages have their own outline; RGAA 9.1 wants the page's to hold);
 * - each h2 gets an id, for the table of contents of long texts;
 * - tables wrapped in a scrollable, focusable region, so a wide table never widens a phone's page;
 * - images left out: they are on partners' servers, and the pages' CSP loads nothing from
 *   elsewhere until the hub serves images itself.
 * The result is serialized by htmlparser2's serializer, which escapes every text and attribute.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;

export interface TocEntry {
  id: string;
  title: string;
  /** The h3 sections of an h2. */
  children: TocEntry[];
}

export interface PreparedContent {
  html: string;
  /** The h2 sections (with their h3s), in order. */
  toc: TocEntry[];
  /** Images left out (shown as a note under the content). */
  imagesLeftOut: number;
}

const HEADING = /^h([1-6])$/;
/** Containers that mean nothing once their image is gone. */
const EMPTIED = new Set(['p', 'a', 'figure', 'figcaption']);

function isElement(node: Node): node is Element {
  return DomUtils.isTag(node);
}

/** Renumbers the headings from h2 without skips; returns the h2s and their h3s for the table of contents. */
function outlineHeadings(headings: Element[]): TocEntry[] {
  const toc: TocEntry[] = [];
  const levels = headings.map((el) => Number(HEADING.exec(el.name)![1]));
  const shift = Math.min(...levels) - 2;
  let previous = 1;
  let count = 0;
  headings.forEach((el, i) => {
    const level = Math.min(levels[i]! - shift, previous + 1);
    el.name = `h${level}`;
    previous = level;
    const parent = toc[toc.length - 1];
    if (level > 3 || (level === 3 && !parent)) return;
    const entry = {
      id: `section-${++count}`,
      title: DomUtils.textContent(el).replace(/\s+/g, ' ').trim(),
      children: [],
    };
    el.attribs.id = entry.id;
    (level === 2 ? toc : parent!.children).push(entry);
  });
  return toc;
}

function wrapTables(tables: Element[]): void {
  tables.forEach((table, i) => {
    const caption = DomUtils.findOne((n) => n.name === 'caption', table.children, false);
    const label = caption ? `Tableau : ${DomUtils.textContent(caption).trim()}` : `Tableau ${i + 1}`;
    const wrapper = parseDocument('<section class="pl-table-scroll" tabindex="0"></section>').children[0] as Element;
    wrapper.attribs['aria-label'] = label;
    DomUtils.replaceElement(table, wrapper);
    DomUtils.appendChild(wrapper, table);
  });
}

/** Removes an element, then the paragraphs, links and figures it leaves empty. */
function removeWithEmptyParents(element: Element): void {
  let parent = element.parent as Node | null;
  DomUtils.removeElement(element);
  while (parent && isElement(parent) && EMPTIED.has(parent.name) && DomUtils.textContent(parent).trim() === '') {
    const next = parent.parent as Node | null;
    DomUtils.removeElement(parent);
    parent = next;
  }
}

/**
 * A partner's <aside> (DILA « À noter », « Attention ») is a note inside the text, not a
 * complementary landmark of the page: several unnamed ones would each be announced as such.
 */
function markNotes(asides: Element[]): void {
  for (const aside of asides) {
    aside.name = 'div';
    aside.attribs = { class: 'pl-note' };
  }
}

/** Prepares sanitized partner HTML for the item page. */
export function prepareContent(html: string): PreparedContent {
  const doc = parseDocument(html);
  const elements = DomUtils.findAll(() => true, doc.children).filter(isElement);
  const images = elements.filter((el) => el.name === 'img');
  for (const img of images) removeWithEmptyParents(img);
  const headings = elements.filter((el) => HEADING.test(el.name));
  const toc = headings.length ? outlineHeadings(headings) : [];
  wrapTables(elements.filter((el) => el.name === 'table'));
  markNotes(elements.filter((el) => el.name === 'aside'));
  // Ids only the portal gives: a partner's own could collide with the page's (#contenu).
  for (const el of elements) if (!HEADING.test(el.name) || !el.attribs.id?.startsWith('section-')) delete el.attribs.id;
  return { html: DomUtils.getOuterHTML(doc.children, { encodeEntities: 'utf8' }), toc, imagesLeftOut: images.length };
}
