/**
 * The body of a fiche (Texte, Chapitre, Liste, Tableau, LienInterne…) as plain HTML. The
 * result is sanitized later like any partner HTML; here we only keep the structure.
 */
import { escapeHtml } from '../text/index.js';
import { servicePublicUrl } from './service-public.js';
import { childElements, firstChild, textContent, type XmlElement, type XmlNode } from './xml-tree.js';

/** Rendering state: the audience of links without one, the heading level below. */
export interface RenderContext {
  audience?: string;
  level: number;
}

type Renderer = (element: XmlElement, ctx: RenderContext) => string;

// Metadata and navigation, or logic of guided searches: not part of what a reader reads.
const SKIPPED = new Set([
  'Titre',
  'SurTitre',
  'Audience',
  'Canal',
  'FilDAriane',
  'Theme',
  'SousThemePere',
  'DossierPere',
  'SousDossierPere',
  'PivotLocal',
  'Source',
  'Colonne',
  'Definition',
  'Abreviation',
  'Condition',
  'Variable',
  'estVrai',
  'estIndefini',
  'affecteVrai',
  'affecteFaux',
  'NumeroCerfa',
  'AutreNumero',
  'Image',
  'Credits',
  'TexteDeRemplacement',
]);

const INLINE_TAGS: Record<string, string> = {
  MiseEnEvidence: 'strong',
  Valeur: 'strong',
  Expression: 'em',
  Exposant: 'sup',
  Citation: 'q',
};
const NOTES: Record<string, string> = {
  ANoter: 'À noter',
  ASavoir: 'À savoir',
  Attention: 'Attention',
  Rappel: 'Rappel',
  Avertissement: 'Avertissement',
};

const RENDERERS: Record<string, Renderer> = {
  Paragraphe: (el, ctx) => `<p>${renderChildren(el, ctx)}</p>`,
  Chapitre: (el, ctx) => renderSection(el, ctx),
  SousChapitre: (el, ctx) => renderSection(el, ctx),
  Cas: (el, ctx) => renderSection(el, ctx),
  Situation: (el, ctx) => renderSection(el, ctx),
  Liste: (el, ctx) => {
    const tag = el.attrs.type === 'numero' ? 'ol' : 'ul';
    return `<${tag}>${renderChildren(el, ctx)}</${tag}>`;
  },
  Item: (el, ctx) => `<li>${renderChildren(el, ctx)}</li>`,
  Tableau: (el, ctx) => renderTable(el, ctx),
  LienInterne: (el, ctx) =>
    link(servicePublicUrl(el.attrs.LienPublication ?? '', el.attrs.audience ?? ctx.audience), renderChildren(el, ctx)),
  LienIntra: (el, ctx) => link(servicePublicUrl(el.attrs.LienID ?? '', ctx.audience), renderChildren(el, ctx)),
  LienExterne: (el, ctx) => link(el.attrs.URL, renderChildren(el, ctx)),
  ServiceEnLigne: (el, ctx) => `<p>${serviceLink(el, ctx)}</p>`,
  OuSAdresser: (el, ctx) => renderSection(el, ctx, renderContact(el), childElements(el, 'Texte')),
};

/** Renders the children of an element in order. */
export function renderChildren(element: XmlElement, ctx: RenderContext): string {
  return element.children.map((child) => renderNode(child, ctx)).join('');
}

/** Renders one node: known elements by their renderer, inline tags, notes; others by their children. */
export function renderNode(node: XmlNode, ctx: RenderContext): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (SKIPPED.has(node.name) || node.name.startsWith('dc:')) return '';
  const renderer = RENDERERS[node.name];
  if (renderer) return renderer(node, ctx);
  const inline = INLINE_TAGS[node.name];
  if (inline) return `<${inline}>${renderChildren(node, ctx)}</${inline}>`;
  const note = NOTES[node.name];
  if (note)
    return `<aside><p><strong>${escapeHtml(textContent(firstChild(node, 'Titre')) || note)}</strong></p>${renderChildren(node, ctx)}</aside>`;
  return renderChildren(node, ctx);
}

/** A link to an online service (téléservice, formulaire…), to its own URL or its fiche. */
export function serviceLink(el: XmlElement, ctx: RenderContext): string {
  const title = textContent(firstChild(el, 'Titre')) || el.attrs.ID || 'Service en ligne';
  const href = el.attrs.URL || (el.attrs.ID ? servicePublicUrl(el.attrs.ID, ctx.audience) : undefined);
  const kind = el.attrs.type ? ` (${escapeHtml(el.attrs.type)})` : '';
  return `${link(href, escapeHtml(title))}${kind}`;
}

/** An <a>, or the bare label when there is no target. */
export function link(href: string | undefined, innerHtml: string): string {
  return href ? `<a href="${escapeAttribute(href)}">${innerHtml}</a>` : innerHtml;
}

/** A titled block: its Titre becomes a heading one level below the enclosing one. */
export function renderSection(
  el: XmlElement,
  ctx: RenderContext,
  extra = '',
  children: XmlNode[] = el.children,
): string {
  const level = Math.min(ctx.level, 6);
  const title = textContent(firstChild(el, 'Titre'));
  const heading = title ? `<h${level}>${escapeHtml(title)}</h${level}>` : '';
  const inner = children.map((child) => renderNode(child, { ...ctx, level: level + 1 })).join('');
  return `<section>${heading}${extra}${inner}</section>`;
}

/** Où s'adresser: the complement and the web resource; the address book itself is local. */
function renderContact(el: XmlElement): string {
  const complement = textContent(firstChild(el, 'Complement'));
  const web = firstChild(el, 'RessourceWeb')?.attrs.URL;
  return `${complement ? `<p>${escapeHtml(complement)}</p>` : ''}${web ? `<p>${link(web, escapeHtml(web))}</p>` : ''}`;
}

function renderTable(el: XmlElement, ctx: RenderContext): string {
  const caption = textContent(firstChild(el, 'Titre'));
  const rows = childElements(el, 'Rangée').map((row) => {
    const cell = row.attrs.type === 'header' ? 'th' : 'td';
    return `<tr>${childElements(row, 'Cellule')
      .map((c) => `<${cell}>${renderChildren(c, ctx)}</${cell}>`)
      .join('')}</tr>`;
  });
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<tbody>${rows.join('')}</tbody></table>`;
}

export { escapeHtml };

/** Escapes text for a double-quoted attribute (the one escapeHtml does both). */
const escapeAttribute = escapeHtml;
