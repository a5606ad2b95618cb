/** Tiny DOM builders: every string becomes a text node, so nothing is parsed as HTML. */
import { splitLinks, splitMarks, type Segment } from './text.js';

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | EventListener;

/** Creates an element with attributes (on* values become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, AttrValue> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Empties `parent` and appends the children. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

function renderSegments(segments: Segment[], linkRel: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const s of segments) {
    if (s.href) append(fragment, h('a', { href: s.href, rel: linkRel }, s.text));
    else if (s.mark) append(fragment, h('mark', null, s.text));
    else append(fragment, s.text);
  }
  return fragment;
}

/** A citizen's text as paragraphs, with its http(s) URLs made clickable. */
export function renderUserText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const paragraph of text.split(/\n{2,}/)) {
    const p = h('p');
    const lines = paragraph.split('\n');
    lines.forEach((line, i) => {
      append(p, renderSegments(splitLinks(line), 'nofollow ugc noopener'), i < lines.length - 1 && h('br'));
    });
    append(fragment, p);
  }
  return fragment;
}

/** A search snippet: its <mark> highlights kept, everything else as text. */
export function renderSnippet(html: string): DocumentFragment {
  return renderSegments(splitMarks(html), '');
}

let counter = 0;
/** A unique id for label/aria references inside one shadow root. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
